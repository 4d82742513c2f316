package dev.mergesdk.core.internal;

import dev.mergesdk.core.DecodeAnomaly;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a response without losing it to one mis-shaped member. Inside a model, a member whose value does not fit
 * its declared type is left unset and its raw value kept in {@code unknownFields()}; an element of a list (or a
 * value of a map) that does not fit is left out and kept there too, under the member's name; a lone value where a
 * list is declared is read as a one-element list. Each case is reported as a {@link DecodeAnomaly}. The document
 * itself must still have its declared shape, and JSON the reader cannot read (not well-formed, nested beyond its
 * limit, a number literal too long for it) still fails the call: what cannot be read cannot be kept.
 *
 * <p>It wraps every adapter Gson builds, and acts only while a response is decoded through
 * {@link UnknownFields#newReader} in tolerant mode; otherwise (strict decoding, or JSON read anywhere else) each
 * read goes straight to the wrapped adapter, as before.
 */
final class TolerantReading {
  static final TypeAdapterFactory FACTORY = new Factory();
  /** Stands in, inside a list or map being read, for an element that was left out; removed before it is seen. */
  private static final Object DROPPED = new Object();

  private TolerantReading() {
  }

  private static final class Factory implements TypeAdapterFactory {
    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      Class<?> raw = type.getRawType();
      if (JsonElement.class.isAssignableFrom(raw)) {
        return null; // raw JSON fits anything
      }
      TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
      return new Tolerant<>(gson, type, delegate);
    }
  }

  private static final class Tolerant<T> extends TypeAdapter<T> {
    private final Gson gson;
    private final TypeToken<T> type;
    private final TypeAdapter<T> delegate;
    private final boolean collection;
    private final boolean container;
    /** A list of lists, a map of maps and the like: an element failing half-way could not be stepped over. */
    private final boolean nested;
    /** A value that holds no other value (text, number, boolean, enum, date): nothing inside it reads a member. */
    private final boolean scalar;
    private volatile TypeAdapter<?> elements;

    Tolerant(Gson gson, TypeToken<T> type, TypeAdapter<T> delegate) {
      this.gson = gson;
      this.type = type;
      this.delegate = delegate;
      this.collection = Collection.class.isAssignableFrom(type.getRawType());
      this.container = collection || Map.class.isAssignableFrom(type.getRawType());
      this.nested = container && isContainer(lastTypeArgument(type.getType()));
      this.scalar = isScalar(type.getRawType());
    }

    @Override
    public void write(JsonWriter out, T value) throws IOException {
      delegate.write(out, value);
    }

    @Override
    public T read(JsonReader in) throws IOException {
      if (!(in instanceof UnknownFields.RecordingReader)) {
        return delegate.read(in);
      }
      UnknownFields.RecordingReader reader = (UnknownFields.RecordingReader) in;
      UnknownFields.Frame frame = reader.tolerant ? reader.frame() : null;
      if (frame == null) {
        return delegate.read(in); // strict, or the document itself
      }
      if (frame.member != null) {
        return readElement(reader, frame);
      }
      return scalar ? readScalarMember(reader, frame) : readMember(reader, frame);
    }

    /**
     * A member holding a scalar, the most common case by far: as {@link #readMember}, without marking the member in
     * the frame, since no value is read inside a scalar.
     */
    private T readScalarMember(UnknownFields.RecordingReader reader, UnknownFields.Frame frame) throws IOException {
      long mark = reader.consumed();
      try {
        return delegate.read(reader);
      } catch (RuntimeException | MalformedJsonException mismatch) {
        String name = reader.lastName();
        if (name == null) {
          throw mismatch;
        }
        JsonElement raw = rawValue(reader, mark, mismatch);
        reader.recordUnfit(frame, name, raw);
        reader.report(frame, expected(), kind(raw), DecodeAnomaly.Action.FIELD_UNSET);
        return null;
      }
    }

    /** A member of the model being read. */
    @SuppressWarnings("unchecked")
    private T readMember(UnknownFields.RecordingReader reader, UnknownFields.Frame frame) throws IOException {
      String name = reader.lastName();
      if (name == null) {
        return delegate.read(reader);
      }
      frame.member = name;
      frame.container = container;
      frame.map = container && !collection;
      frame.dropped = false;
      try {
        JsonToken token = reader.peek();
        if (collection && token != JsonToken.BEGIN_ARRAY && token != JsonToken.NULL) {
          return readLoneValue(reader, frame, name);
        }
        if (nested || (container && !collection && token == JsonToken.BEGIN_ARRAY)) {
          return readWhole(reader, frame, name);
        }
        long mark = reader.consumed();
        try {
          T value = delegate.read(reader);
          return frame.dropped ? (T) withoutDropped(value) : value;
        } catch (RuntimeException | MalformedJsonException mismatch) {
          // A number too big for a double is refused as malformed, yet left unread: it is read raw like any other.
          JsonElement raw = rawValue(reader, mark, mismatch);
          reader.recordUnfit(frame, name, raw);
          reader.report(frame, expected(), kind(raw), DecodeAnomaly.Action.FIELD_UNSET);
          return null;
        }
      } finally {
        frame.member = null;
        frame.container = false;
        frame.map = false;
        frame.dropped = false;
      }
    }

    /**
     * A member whose elements could fail half-way (nested lists or maps, or a map sent as an array of pairs), read
     * whole first: it decodes entirely, or is left unset with its raw value. Rare, so the copy does not matter.
     */
    private T readWhole(UnknownFields.RecordingReader reader, UnknownFields.Frame frame, String name)
        throws IOException {
      JsonElement raw = reader.readRaw();
      try {
        return delegate.fromJsonTree(raw);
      } catch (RuntimeException mismatch) {
        reader.recordUnfit(frame, name, raw);
        reader.report(frame, expected(), kind(raw), DecodeAnomaly.Action.FIELD_UNSET);
        return null;
      }
    }

    /** Where a list is declared, one value: read as the list of that value, or left unset if it does not fit. */
    @SuppressWarnings("unchecked")
    private T readLoneValue(UnknownFields.RecordingReader reader, UnknownFields.Frame frame, String name)
        throws IOException {
      frame.container = false; // a lone value that does not fit is the member not fitting
      String found = kind(reader.peek());
      long mark = reader.consumed();
      Object element;
      try {
        element = elements().read(reader);
      } catch (RuntimeException | MalformedJsonException mismatch) {
        JsonElement raw = rawValue(reader, mark, mismatch);
        reader.recordUnfit(frame, name, raw);
        reader.report(frame, expected(), kind(raw), DecodeAnomaly.Action.FIELD_UNSET);
        return null;
      }
      Collection<Object> list = Set.class.isAssignableFrom(type.getRawType()) ? new LinkedHashSet<>()
          : new ArrayList<>();
      if (!type.getRawType().isInstance(list)) {
        reader.recordUnfit(frame, name, gson.toJsonTree(element));
        reader.report(frame, expected(), found, DecodeAnomaly.Action.FIELD_UNSET);
        return null;
      }
      list.add(element);
      reader.report(frame, expected(), found, DecodeAnomaly.Action.WRAPPED_IN_ARRAY);
      return (T) list;
    }

    /** An element of a list or map member, or a value inside another member's value. */
    @SuppressWarnings("unchecked")
    private T readElement(UnknownFields.RecordingReader reader, UnknownFields.Frame frame) throws IOException {
      if (!frame.container) {
        return delegate.read(reader); // inside a value that is not a list or map: its failure is the member's
      }
      String key = frame.map ? reader.lastString() : null; // a map's key is read as a string just before its value
      long mark = reader.consumed();
      try {
        return delegate.read(reader);
      } catch (RuntimeException | MalformedJsonException mismatch) {
        JsonElement raw = rawValue(reader, mark, mismatch);
        reader.recordDropped(frame, key, raw);
        reader.report(frame, expected(), kind(raw), DecodeAnomaly.Action.ELEMENT_DROPPED);
        frame.dropped = true;
        return (T) DROPPED;
      }
    }

    private TypeAdapter<?> elements() {
      TypeAdapter<?> adapter = elements;
      if (adapter == null) {
        Type element = type.getType() instanceof ParameterizedType
            ? ((ParameterizedType) type.getType()).getActualTypeArguments()[0] : Object.class;
        adapter = gson.getAdapter(TypeToken.get(element));
        elements = adapter;
      }
      return adapter;
    }

    private String expected() {
      return simpleName(type.getType());
    }
  }

  /**
   * The raw value of a member that failed to decode: still unread when the adapter refused it up front, or the one
   * string it consumed; a value that failed half-way through cannot be resynchronised, and fails the call.
   */
  private static JsonElement rawValue(UnknownFields.RecordingReader reader, long mark, Exception mismatch)
      throws IOException {
    if (reader.consumed() == mark) {
      try {
        return reader.readRaw();
      } catch (MalformedJsonException notJson) {
        throw mismatch instanceof MalformedJsonException ? (MalformedJsonException) mismatch : notJson;
      }
    }
    JsonElement last = reader.lastStringValue(mark + 1);
    if (last == null) {
      if (mismatch instanceof IOException) {
        throw (IOException) mismatch;
      }
      throw (RuntimeException) mismatch;
    }
    return last;
  }

  private static Type lastTypeArgument(Type type) {
    if (!(type instanceof ParameterizedType)) {
      return Object.class;
    }
    Type[] args = ((ParameterizedType) type).getActualTypeArguments();
    return args[args.length - 1];
  }

  private static boolean isScalar(Class<?> raw) {
    return raw.isPrimitive() || raw.isEnum() || raw == String.class || raw == Boolean.class || raw == Character.class
        || (Number.class.isAssignableFrom(raw) && raw.getName().startsWith("java."))
        || raw.getName().startsWith("java.time.") || raw == java.net.URI.class || raw == java.util.UUID.class;
  }

  private static boolean isContainer(Type type) {
    Class<?> raw = TypeToken.get(type).getRawType();
    return Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw);
  }

  /** The list or map without the elements that were left out, at any depth. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object withoutDropped(Object value) {
    if (value instanceof Collection) {
      Collection<Object> c = (Collection<Object>) value;
      c.removeIf(e -> e == DROPPED);
      c.forEach(TolerantReading::withoutDropped);
    } else if (value instanceof Map) {
      Map<Object, Object> m = (Map<Object, Object>) value;
      m.values().removeIf(v -> v == DROPPED);
      m.values().forEach(TolerantReading::withoutDropped);
    }
    return value;
  }

  static String kind(JsonToken token) {
    switch (token) {
      case BEGIN_OBJECT:
        return "object";
      case BEGIN_ARRAY:
        return "array";
      case NUMBER:
        return "number";
      case BOOLEAN:
        return "boolean";
      case NULL:
        return "null";
      default:
        return "string";
    }
  }

  static String kind(JsonElement raw) {
    if (raw == null) {
      return "value";
    }
    if (raw.isJsonObject()) {
      return "object";
    }
    if (raw.isJsonArray()) {
      return "array";
    }
    if (raw.isJsonNull()) {
      return "null";
    }
    return raw.getAsJsonPrimitive().isString() ? "string" : raw.getAsJsonPrimitive().isNumber() ? "number" : "boolean";
  }

  static String simpleName(Type type) {
    if (type instanceof Class) {
      return ((Class<?>) type).getSimpleName();
    }
    if (type instanceof ParameterizedType) {
      StringBuilder sb = new StringBuilder(simpleName(((ParameterizedType) type).getRawType())).append('<');
      Type[] args = ((ParameterizedType) type).getActualTypeArguments();
      for (int i = 0; i < args.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(simpleName(args[i]));
      }
      return sb.append('>').toString();
    }
    return type.getTypeName();
  }
}
