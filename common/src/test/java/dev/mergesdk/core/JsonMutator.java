package dev.mergesdk.core;

import dev.mergesdk.core.internal.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic mutations of a JSON document for fuzzing decoders: truncation, byte flips, members of the wrong
 * JSON type, deleted and duplicated members, huge numbers, deep nesting, invalid UTF-8, and empty or trivial
 * bodies. The same seed always yields the same mutations, so a failure names a reproducible case.
 */
public final class JsonMutator {
  private static final String PLACEHOLDER = "\"__fuzz_placeholder__\"";
  /** The numbers {@code hugeNumber} puts in place of a value. */
  public static final String[] HUGE_NUMBERS = {
      "1e400", "-1e400", "99999999999999999999999999999999", "-9223372036854775809", "1e-400", "0.1e999999999",
      "1" + "0".repeat(5000), "2147483648", "-0", "1.7976931348623157e309"};
  private static final String[] TRIVIAL = {"", " ", "null", "{}", "[]", "\"\"", "0", "true", "{", "]", "\u0000",
      "{\"results\":null}", "{\"results\":[null]}", "{\"results\":{}}"};

  /** One mutated body, with a description of what was done to it. */
  public static final class Mutation {
    private final String kind;
    private final byte[] body;

    Mutation(String kind, byte[] body) {
      this.kind = kind;
      this.body = body;
    }

    /** @return what was done, for the failure message */
    public String kind() {
      return kind;
    }

    /** @return the mutated bytes */
    public byte[] body() {
      return body;
    }

    /** @return the body as UTF-8 text, shortened for messages */
    public String preview() {
      String text = new String(body, StandardCharsets.UTF_8);
      return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + body.length + " bytes)";
    }

    @Override
    public String toString() {
      return kind + ": " + preview();
    }
  }

  private final byte[] original;
  private final JsonElement tree;
  private final Random random;

  private JsonMutator(byte[] original, long seed) {
    this.original = original;
    this.tree = JsonParser.parseString(new String(original, StandardCharsets.UTF_8));
    this.random = new Random(seed);
  }

  /**
   * @param fixture a valid JSON document
   * @param seed the seed; the same seed and fixture always give the same mutations
   * @param count how many mutations to make, spread over every kind
   * @return the mutations
   */
  public static List<Mutation> mutations(byte[] fixture, long seed, int count) {
    return new JsonMutator(fixture, seed).make(count);
  }

  private List<Mutation> make(int count) {
    List<Mutation> out = new ArrayList<>();
    for (int i = 0; out.size() < count; i++) {
      switch (i % 10) {
        case 0:
          out.add(truncate());
          break;
        case 1:
          out.add(flipBytes());
          break;
        case 2:
          out.add(wrongType());
          break;
        case 3:
          out.add(deleteMember());
          break;
        case 4:
          out.add(duplicateMember());
          break;
        case 5:
          out.add(hugeNumber());
          break;
        case 6:
          out.add(deepNesting());
          break;
        case 7:
          out.add(invalidUtf8());
          break;
        case 8:
          out.add(trivial(i / 10));
          break;
        default:
          out.add(random.nextBoolean() ? wrongType() : flipBytes());
          break;
      }
    }
    return out;
  }

  private Mutation truncate() {
    int at = original.length == 0 ? 0 : random.nextInt(original.length);
    byte[] cut = new byte[at];
    System.arraycopy(original, 0, cut, 0, at);
    return new Mutation("truncated at byte " + at, cut);
  }

  private Mutation flipBytes() {
    byte[] copy = original.clone();
    int flips = 1 + random.nextInt(4);
    StringBuilder where = new StringBuilder();
    for (int f = 0; f < flips && copy.length > 0; f++) {
      int at = random.nextInt(copy.length);
      copy[at] ^= (byte) (1 << random.nextInt(8));
      where.append(f == 0 ? "" : ",").append(at);
    }
    return new Mutation("bits flipped at bytes " + where, copy);
  }

  /** Every place a value sits: object members and array elements, with a way to replace or remove it. */
  private static final class Slot {
    final JsonElement parent;
    final String name;
    final int index;
    final JsonElement value;

    Slot(JsonElement parent, String name, int index, JsonElement value) {
      this.parent = parent;
      this.name = name;
      this.index = index;
      this.value = value;
    }

    String path() {
      return name != null ? "." + name : "[" + index + "]";
    }
  }

  private List<Slot> slots(JsonElement root) {
    List<Slot> slots = new ArrayList<>();
    collect(root, slots);
    return slots;
  }

  private static void collect(JsonElement element, List<Slot> slots) {
    if (element.isJsonObject()) {
      for (Map.Entry<String, JsonElement> e : element.getAsJsonObject().entrySet()) {
        slots.add(new Slot(element, e.getKey(), -1, e.getValue()));
        collect(e.getValue(), slots);
      }
    } else if (element.isJsonArray()) {
      JsonArray array = element.getAsJsonArray();
      for (int i = 0; i < array.size(); i++) {
        slots.add(new Slot(element, null, i, array.get(i)));
        collect(array.get(i), slots);
      }
    }
  }

  /** A copy of the tree with the value at one slot replaced by {@code raw} JSON text (or removed if null). */
  private Mutation replace(String kind, String raw) {
    JsonElement copy = tree.deepCopy();
    List<Slot> slots = slots(copy);
    if (slots.isEmpty()) {
      return new Mutation(kind + " (document has no members; replaced whole)", bytes(raw == null ? "" : raw));
    }
    Slot slot = slots.get(random.nextInt(slots.size()));
    JsonPrimitive marker = new JsonPrimitive("__fuzz_placeholder__");
    if (slot.parent.isJsonObject()) {
      if (raw == null) {
        slot.parent.getAsJsonObject().remove(slot.name);
      } else {
        slot.parent.getAsJsonObject().add(slot.name, marker);
      }
    } else {
      JsonArray array = slot.parent.getAsJsonArray();
      if (raw == null) {
        array.remove(slot.index);
      } else {
        array.set(slot.index, marker);
      }
    }
    String text = Json.gson().newBuilder().serializeNulls().create().toJson(copy);
    if (raw != null) {
      text = text.replace(PLACEHOLDER, raw);
    }
    return new Mutation(kind + " at " + slot.path(), bytes(text));
  }

  /** The values {@code wrongType} puts in place of a value: every JSON type, and strings no date or number fits. */
  public static final String[] WRONG_TYPES = {"\"a string\"", "12345", "-1.5", "true", "false", "null", "{}", "[]",
      "[1,\"two\",{}]", "{\"unexpected\":{\"nested\":[1]}}", "\"2024-13-45T99:99:99Z\"", "\"\""};

  private Mutation wrongType() {
    return replace("wrong JSON type", WRONG_TYPES[random.nextInt(WRONG_TYPES.length)]);
  }

  private Mutation deleteMember() {
    return replace("member deleted", null);
  }

  private Mutation duplicateMember() {
    JsonElement copy = tree.deepCopy();
    List<JsonObject> objects = new ArrayList<>();
    if (copy.isJsonObject()) {
      objects.add(copy.getAsJsonObject());
    }
    for (Slot slot : slots(copy)) {
      if (slot.value.isJsonObject() && slot.value.getAsJsonObject().size() > 0) {
        objects.add(slot.value.getAsJsonObject());
      }
    }
    objects.removeIf(o -> o.size() == 0);
    if (objects.isEmpty()) {
      return wrongType();
    }
    JsonObject target = objects.get(random.nextInt(objects.size()));
    List<String> names = new ArrayList<>(target.keySet());
    String name = names.get(random.nextInt(names.size()));
    String again = random.nextBoolean() ? target.get(name).toString() : "[\"different\",{\"type\":1}]";
    String serialized = target.toString();
    String withDuplicate = serialized.substring(0, serialized.length() - 1) + ","
        + new JsonPrimitive(name) + ":" + again + "}";
    String text = copy.toString();
    int at = text.indexOf(serialized);
    text = text.substring(0, at) + withDuplicate + text.substring(at + serialized.length());
    return new Mutation("member '" + name + "' duplicated", bytes(text));
  }

  private Mutation hugeNumber() {
    return replace("huge number", HUGE_NUMBERS[random.nextInt(HUGE_NUMBERS.length)]);
  }

  private Mutation deepNesting() {
    int depth = random.nextBoolean() ? 200 + random.nextInt(100) : 5_000 + random.nextInt(20_000);
    boolean arrays = random.nextBoolean();
    String raw = arrays
        ? "[".repeat(depth) + "]".repeat(depth)
        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    return replace((arrays ? "arrays" : "objects") + " nested " + depth + " deep", raw);
  }

  private Mutation invalidUtf8() {
    byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88,
        (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xC0, (byte) 0xAF}};
    byte[] insert = bad[random.nextInt(bad.length)];
    // Inside a string value when there is one, so only the encoding is wrong.
    List<Integer> quotes = new ArrayList<>();
    for (int i = 0; i < original.length; i++) {
      if (original[i] == '"') {
        quotes.add(i);
      }
    }
    int at = quotes.isEmpty() ? random.nextInt(original.length + 1) : quotes.get(random.nextInt(quotes.size())) + 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(original, 0, at);
    out.write(insert, 0, insert.length);
    out.write(original, at, original.length - at);
    return new Mutation("invalid UTF-8 inserted at byte " + at, out.toByteArray());
  }

  private Mutation trivial(int n) {
    String body = TRIVIAL[n % TRIVIAL.length];
    return new Mutation("replaced by '" + body + "'", bytes(body));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
