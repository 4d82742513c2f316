package dev.mergesdk.core.internal;

import dev.mergesdk.core.DecodeAnomaly;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Keeps what a newer server sends and this SDK version does not model. Generated models carry a transient
 * {@code unknownFields} member; while a response is decoded through {@link #newReader(Reader)}, every member
 * Gson would skip, and the raw value of every enum it does not recognise, is collected there instead of lost.
 * Known members decode exactly as before, so the cost is a stack push per object.
 */
public final class UnknownFields {
  static final TypeAdapterFactory FACTORY = new Factory();
  private static final String FIELD = "unknownFields";

  private UnknownFields() {
  }

  /**
   * Wraps a JSON reader so that decoded models keep the members they do not model.
   *
   * @param reader the JSON text
   * @return a reader that collects unknown members into the models it decodes
   */
  public static JsonReader newReader(Reader reader) {
    return new RecordingReader(reader, false, null);
  }

  /**
   * @param reader the JSON text
   * @param tolerant whether members that do not fit their type are kept here instead of failing (see
   *     {@link TolerantReading})
   * @param anomalies receives each member read tolerantly
   * @return a reader that collects unknown members into the models it decodes
   */
  public static JsonReader newReader(Reader reader, boolean tolerant, Consumer<DecodeAnomaly> anomalies) {
    return new RecordingReader(reader, tolerant, anomalies);
  }

  /**
   * Called by generated enum adapters when a value is not one of the known constants.
   *
   * @param reader the reader the value came from
   * @param rawValue the value as sent
   */
  public static void recordUnknownValue(JsonReader reader, String rawValue) {
    if (reader instanceof RecordingReader) {
      ((RecordingReader) reader).record(new com.google.gson.JsonPrimitive(rawValue));
    }
  }

  /**
   * The model being decoded: what it does not know, and the member {@link TolerantReading} is reading. A reader
   * keeps one per nesting depth and reuses it for every model at that depth, as a page holds hundreds.
   */
  static final class Frame {
    /** Created for the first unknown member only: most models have none. */
    private JsonObject unknown;
    String model;
    /** The member whose value is being read tolerantly, or null between members. */
    String member;
    /** Whether that member is a list or map, whose elements that do not fit are left out. */
    boolean container;
    boolean map;
    /** Whether an element of that member was left out. */
    boolean dropped;

    private void reset(String model) {
      this.model = model;
      unknown = null;
      member = null;
      container = false;
      map = false;
      dropped = false;
    }

    JsonObject unknown() {
      if (unknown == null) {
        unknown = new JsonObject();
      }
      return unknown;
    }
  }

  static final class RecordingReader extends JsonReader {
    private static final TypeAdapter<JsonElement> ELEMENT = new Gson().getAdapter(JsonElement.class);
    /** The models being decoded, outermost first; {@code frames[depth - 1]} is the innermost. */
    private Frame[] frames = new Frame[8];
    private int depth;
    final boolean tolerant;
    private final Consumer<DecodeAnomaly> anomalies;
    private String lastName;
    private int capturing;
    /** Tokens consumed so far, so that a failed read can tell whether it consumed anything. */
    private long consumed;
    /** The last string consumed, its token and its position in {@link #consumed}, for the value of a failed read. */
    private String lastString;
    private JsonToken lastStringToken;
    private long lastStringAt = -1;

    RecordingReader(Reader in, boolean tolerant, Consumer<DecodeAnomaly> anomalies) {
      super(in);
      this.tolerant = tolerant;
      this.anomalies = anomalies;
    }

    @Override
    public String nextName() throws IOException {
      String name = super.nextName();
      consumed++;
      if (capturing == 0) {
        lastName = name;
      }
      return name;
    }

    @Override
    public String nextString() throws IOException {
      JsonToken token = peek();
      String value = super.nextString();
      lastString = value;
      lastStringToken = token;
      lastStringAt = ++consumed;
      return value;
    }

    @Override
    public void beginArray() throws IOException {
      super.beginArray();
      consumed++;
    }

    @Override
    public void endArray() throws IOException {
      super.endArray();
      consumed++;
    }

    @Override
    public void beginObject() throws IOException {
      super.beginObject();
      consumed++;
    }

    @Override
    public void endObject() throws IOException {
      super.endObject();
      consumed++;
    }

    @Override
    public boolean nextBoolean() throws IOException {
      boolean value = super.nextBoolean();
      consumed++;
      return value;
    }

    @Override
    public void nextNull() throws IOException {
      super.nextNull();
      consumed++;
    }

    @Override
    public double nextDouble() throws IOException {
      double value = super.nextDouble();
      consumed++;
      return value;
    }

    @Override
    public long nextLong() throws IOException {
      long value = super.nextLong();
      consumed++;
      return value;
    }

    @Override
    public int nextInt() throws IOException {
      int value = super.nextInt();
      consumed++;
      return value;
    }

    Frame frame() {
      return depth == 0 ? null : frames[depth - 1];
    }

    Frame push(String model) {
      if (depth == frames.length) {
        frames = Arrays.copyOf(frames, depth * 2);
      }
      Frame frame = frames[depth];
      if (frame == null) {
        frame = new Frame();
        frames[depth] = frame;
      }
      frame.reset(model);
      depth++;
      return frame;
    }

    void pop() {
      depth--;
    }

    String lastName() {
      return lastName;
    }

    String lastString() {
      return lastString;
    }

    long consumed() {
      return consumed;
    }

    /** The value at the reader, read whole as raw JSON. */
    JsonElement readRaw() throws IOException {
      capturing++;
      try {
        return ELEMENT.read(this);
      } finally {
        capturing--;
      }
    }

    /** The string consumed as token number {@code at}, as the JSON value it was; null if that token was another. */
    JsonElement lastStringValue(long at) {
      if (lastStringAt != at || consumed != at) {
        return null;
      }
      return lastStringToken == JsonToken.NUMBER ? com.google.gson.JsonParser.parseString(lastString)
          : new com.google.gson.JsonPrimitive(lastString);
    }

    /** Keeps the raw value of a member that did not fit, as an unknown member is kept. */
    void recordUnfit(Frame frame, String name, JsonElement raw) {
      add(frame.unknown(), name, raw);
    }

    /** Keeps a left-out element under its member's name: in a list, or for a map under its key. */
    void recordDropped(Frame frame, String key, JsonElement raw) {
      JsonElement existing = frame.unknown().get(frame.member);
      if (frame.map) {
        JsonObject values = existing != null && existing.isJsonObject() ? existing.getAsJsonObject() : new JsonObject();
        values.add(key == null ? "" : key, raw);
        frame.unknown().add(frame.member, values);
      } else {
        JsonArray values = existing != null && existing.isJsonArray() ? existing.getAsJsonArray() : new JsonArray();
        values.add(raw);
        frame.unknown().add(frame.member, values);
      }
    }

    void report(Frame frame, String expected, String found, DecodeAnomaly.Action action) {
      if (anomalies != null) {
        anomalies.accept(new DecodeAnomaly(getPreviousPath(), frame.model, expected, found, action));
      }
    }

    @Override
    public void skipValue() throws IOException {
      // Gson's reflective adapter skips exactly the members its class does not declare.
      if (capturing > 0 || depth == 0 || lastName == null || peek() == JsonToken.END_OBJECT) {
        super.skipValue();
        consumed++;
        return;
      }
      String name = lastName;
      capturing++;
      JsonElement value;
      try {
        value = ELEMENT.read(this);
      } finally {
        capturing--;
      }
      frame().unknown().add(name, value);
    }

    void record(JsonElement value) {
      if (capturing > 0 || depth == 0 || lastName == null) {
        return;
      }
      add(frame().unknown(), lastName, value);
    }

    private static void add(JsonObject frame, String name, JsonElement value) {
      JsonElement existing = frame.get(name);
      if (existing == null) {
        frame.add(name, value);
      } else {
        JsonArray values = existing.isJsonArray() ? existing.getAsJsonArray() : new JsonArray();
        if (!existing.isJsonArray()) {
          values.add(existing);
        }
        values.add(value);
        frame.add(name, values);
      }
    }
  }

  private static final class Factory implements TypeAdapterFactory {
    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      Field field = unknownFieldsField(type.getRawType());
      if (field == null) {
        return null;
      }
      TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
      String model = type.getRawType().getSimpleName();
      return new TypeAdapter<T>() {
        @Override
        public void write(JsonWriter out, T value) throws IOException {
          delegate.write(out, value);
        }

        @Override
        public T read(JsonReader in) throws IOException {
          if (!(in instanceof RecordingReader) || in.peek() != JsonToken.BEGIN_OBJECT) {
            return delegate.read(in);
          }
          RecordingReader reader = (RecordingReader) in;
          Frame frame = reader.push(model);
          T value;
          JsonObject unknown;
          try {
            value = delegate.read(in);
            unknown = frame.unknown;
          } finally {
            reader.pop();
          }
          if (value != null && unknown != null && unknown.size() > 0) {
            try {
              field.set(value, unknown);
            } catch (IllegalAccessException e) {
              throw new IllegalStateException("cannot keep unknown fields of " + type, e);
            }
          }
          return value;
        }
      };
    }

    private static Field unknownFieldsField(Class<?> raw) {
      if (raw.isInterface() || raw.isPrimitive() || raw.getName().startsWith("java.")) {
        return null;
      }
      try {
        Field field = raw.getDeclaredField(FIELD);
        if (field.getType() != JsonObject.class) {
          return null;
        }
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException | RuntimeException e) {
        return null;
      }
    }
  }
}
