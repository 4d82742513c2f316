package dev.mergesdk.core.internal;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.mergesdk.core.Expandable;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Reads an {@link Expandable} from either shape the APIs send, an id or the whole object, and writes it back. */
final class ExpandableAdapterFactory implements TypeAdapterFactory {
  static final ExpandableAdapterFactory INSTANCE = new ExpandableAdapterFactory();

  private ExpandableAdapterFactory() {
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <X> TypeAdapter<X> create(Gson gson, TypeToken<X> type) {
    if (type.getRawType() != Expandable.class) {
      return null;
    }
    Type target = type.getType() instanceof ParameterizedType
        ? ((ParameterizedType) type.getType()).getActualTypeArguments()[0]
        : Object.class;
    TypeAdapter<Object> inner = (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(target));
    return (TypeAdapter<X>) new TypeAdapter<Expandable<Object>>() {
      @Override
      public void write(JsonWriter out, Expandable<Object> value) throws IOException {
        if (value == null) {
          out.nullValue();
        } else if (value.isExpanded()) {
          inner.write(out, value.expanded().get());
        } else {
          out.value(value.id());
        }
      }

      @Override
      public Expandable<Object> read(JsonReader in) throws IOException {
        JsonToken token = in.peek();
        switch (token) {
          case NULL:
            in.nextNull();
            return null;
          case STRING:
          case NUMBER:
            return Expandable.ofId(requireId(in));
          case BEGIN_OBJECT:
            return Expandable.of(inner.read(in));
          default:
            throw new JsonParseException("expected an id or an object at " + in.getPath() + " but found " + token);
        }
      }
    };
  }

  private static String requireId(JsonReader in) throws IOException {
    String id = in.nextString();
    if (id.isBlank()) {
      throw new JsonParseException("blank id at " + in.getPreviousPath());
    }
    return id;
  }
}
