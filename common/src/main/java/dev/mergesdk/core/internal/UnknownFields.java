package dev.mergesdk.core.internal;

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
import java.util.ArrayDeque;
import java.util.Deque;

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
    return new RecordingReader(reader);
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

  private static final class RecordingReader extends JsonReader {
    private static final TypeAdapter<JsonElement> ELEMENT = new Gson().getAdapter(JsonElement.class);
    private final Deque<JsonObject> frames = new ArrayDeque<>();
    private String lastName;
    private int capturing;

    RecordingReader(Reader in) {
      super(in);
    }

    @Override
    public String nextName() throws IOException {
      String name = super.nextName();
      if (capturing == 0) {
        lastName = name;
      }
      return name;
    }

    @Override
    public void skipValue() throws IOException {
      // Gson's reflective adapter skips exactly the members its class does not declare.
      if (capturing > 0 || frames.isEmpty() || lastName == null || peek() == JsonToken.END_OBJECT) {
        super.skipValue();
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
      frames.peek().add(name, value);
    }

    void record(JsonElement value) {
      if (capturing > 0 || frames.isEmpty() || lastName == null) {
        return;
      }
      JsonObject frame = frames.peek();
      JsonElement existing = frame.get(lastName);
      if (existing == null) {
        frame.add(lastName, value);
      } else {
        JsonArray values = existing.isJsonArray() ? existing.getAsJsonArray() : new JsonArray();
        if (!existing.isJsonArray()) {
          values.add(existing);
        }
        values.add(value);
        frame.add(lastName, values);
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
          JsonObject frame = new JsonObject();
          reader.frames.push(frame);
          T value;
          try {
            value = delegate.read(in);
          } finally {
            reader.frames.pop();
          }
          if (value != null && frame.size() > 0) {
            try {
              field.set(value, frame);
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
