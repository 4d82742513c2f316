package dev.mergesdk.core.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the explicit {@code null}s a generated model was asked to send. The SDK writes JSON without nulls, so an
 * unset field is absent; for each field the spec marks nullable, a model also has {@code clearX()}, which sets the
 * field to null and a transient {@code xSendNull} flag. This adapter then writes that member as {@code null} when
 * the field is still null at write time (a value set after clearing is sent as the value). Models with no flag set
 * are written exactly as before.
 */
final class ExplicitNulls {
  static final TypeAdapterFactory FACTORY = new Factory();
  private static final String SUFFIX = "SendNull";

  private ExplicitNulls() {
  }

  /** A nullable member: its JSON name, its field and its flag. */
  private static final class Member {
    final String name;
    final Field value;
    final Field flag;

    Member(String name, Field value, Field flag) {
      this.name = name;
      this.value = value;
      this.flag = flag;
    }
  }

  private static final class Factory implements TypeAdapterFactory {
    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      List<Member> members = members(type.getRawType());
      if (members.isEmpty()) {
        return null;
      }
      TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
      TypeAdapter<JsonElement> elements = gson.getAdapter(JsonElement.class);
      return new TypeAdapter<T>() {
        @Override
        public void write(JsonWriter out, T value) throws IOException {
          List<String> nulls = value == null ? List.of() : nullsToSend(members, value);
          if (nulls.isEmpty()) {
            delegate.write(out, value);
            return;
          }
          // Written without nulls first, as always; nested models write their own explicit nulls into it.
          StringWriter text = new StringWriter();
          JsonWriter plain = new JsonWriter(text);
          plain.setSerializeNulls(false);
          delegate.write(plain, value);
          plain.flush();
          JsonObject tree = JsonParser.parseString(text.toString()).getAsJsonObject();
          for (String name : nulls) {
            tree.add(name, JsonNull.INSTANCE);
          }
          boolean serializeNulls = out.getSerializeNulls();
          out.setSerializeNulls(true);
          try {
            elements.write(out, tree);
          } finally {
            out.setSerializeNulls(serializeNulls);
          }
        }

        @Override
        public T read(JsonReader in) throws IOException {
          return delegate.read(in);
        }
      };
    }

    private static List<String> nullsToSend(List<Member> members, Object model) {
      List<String> nulls = new ArrayList<>(0);
      try {
        for (Member member : members) {
          if (member.flag.getBoolean(model) && member.value.get(model) == null) {
            nulls.add(member.name);
          }
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read the explicit nulls of " + model.getClass().getName(), e);
      }
      return nulls;
    }

    private static List<Member> members(Class<?> raw) {
      List<Member> members = new ArrayList<>();
      if (raw.isInterface() || raw.isPrimitive() || raw.isArray() || raw.getName().startsWith("java.")) {
        return members;
      }
      for (Field flag : raw.getDeclaredFields()) {
        if (flag.getType() != boolean.class || !Modifier.isTransient(flag.getModifiers())
            || !flag.getName().endsWith(SUFFIX)) {
          continue;
        }
        try {
          Field value = raw.getDeclaredField(flag.getName().substring(0, flag.getName().length() - SUFFIX.length()));
          SerializedName name = value.getAnnotation(SerializedName.class);
          if (name == null) {
            continue;
          }
          value.setAccessible(true);
          flag.setAccessible(true);
          members.add(new Member(name.value(), value, flag));
        } catch (NoSuchFieldException | RuntimeException e) {
          // Not a flag of the generator's: a field that merely ends the same way.
        }
      }
      return members;
    }
  }
}
