package dev.mergesdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Stub data that starts as the spec's example for an operation and is changed member by member, so a stub states
 * only what the test is about and the rest still satisfies the spec. Get one from {@link MergeMock#example} or
 * {@link MergeMock#exampleItem}, or change the answer in place with {@link Stub#respondExample(UnaryOperator)}:
 *
 * <pre>{@code
 * fileStorage.stub("files_retrieve").respondExample(file -> file.with("name", "Q3 report.pdf").without("size"));
 *
 * ExampleJson file = fileStorage.exampleItem("files_list");
 * fileStorage.stub("files_list").respondPages(List.of(
 *     file.with("id", ExampleJson.uuid(1)).with("name", "a.pdf"),
 *     file.with("id", ExampleJson.uuid(2)).with("name", "b.pdf")), 2);
 * }</pre>
 *
 * <p>A path names members with dots and array elements by index: {@code name}, {@code model.name},
 * {@code results.0.name}. Member names are checked against the schema here, since a misspelt one would otherwise
 * pass unnoticed (a response may carry members the spec does not list); values are checked by the mock when it
 * serves them, as for any stub, so a test can still serve a wrong one on purpose
 * ({@link MergeMock#allowViolations()}).
 * Immutable: {@link #with} and {@link #without} return a changed copy.
 */
public final class ExampleJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static {
    QuietSlf4j.whenNoProvider(); // before swagger-core's JSON mapper is first used
  }

  private final String origin;
  private final JsonNode node;
  private final Schema<?> schema;
  private final UnaryOperator<Schema<?>> resolve;

  ExampleJson(String origin, JsonNode node, Schema<?> schema, UnaryOperator<Schema<?>> resolve) {
    this.origin = origin;
    this.node = node;
    this.schema = schema;
    this.resolve = resolve;
  }

  /**
   * @param n a small number, 0 or more
   * @return a valid UUID that reads as {@code n}, for ids the spec declares {@code format: uuid}:
   *     {@code uuid(7)} is {@code 00000000-0000-4000-8000-000000000007}
   */
  public static String uuid(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, was " + n);
    }
    return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", n);
  }

  /**
   * @param path the member to set, such as {@code name} or {@code model.parent_folder}; missing objects on the
   *     way are created
   * @param value a String, Number, Boolean, {@code null} (JSON null), an enum or date-time (written as its
   *     {@code toString()}), another ExampleJson, or a List or Map of these
   * @return a copy with the member set
   * @throws IllegalArgumentException when the schema has no such member, or the value is of another kind
   */
  public ExampleJson with(String path, Object value) {
    JsonNode json = toNode(value, path);
    JsonNode copy = node.deepCopy();
    List<String> segments = segments(path);
    JsonNode parent = walk(copy, segments, path, true);
    String last = segments.get(segments.size() - 1);
    if (parent.isObject()) {
      ((ObjectNode) parent).set(last, json);
    } else {
      int index = index(last, (ArrayNode) parent, path, true);
      if (index == parent.size()) {
        ((ArrayNode) parent).add(json);
      } else {
        ((ArrayNode) parent).set(index, json);
      }
    }
    return new ExampleJson(origin, copy, schema, resolve);
  }

  /**
   * @param path the member to remove, such as {@code size}, or an array element, such as {@code results.0}
   * @return a copy without it
   * @throws IllegalArgumentException when there is no such member
   */
  public ExampleJson without(String path) {
    JsonNode copy = node.deepCopy();
    List<String> segments = segments(path);
    JsonNode parent = walk(copy, segments, path, false);
    String last = segments.get(segments.size() - 1);
    if (parent.isObject()) {
      if (!parent.has(last)) {
        throw new IllegalArgumentException(origin + " has no member " + path + " to remove; it has "
            + names(parent));
      }
      ((ObjectNode) parent).remove(last);
    } else {
      ((ArrayNode) parent).remove(index(last, (ArrayNode) parent, path, false));
    }
    return new ExampleJson(origin, copy, schema, resolve);
  }

  /** {@return the JSON text} */
  public String toJson() {
    return node.toString();
  }

  JsonNode node() {
    return node;
  }

  /** {@return the JSON text} */
  @Override
  public String toString() {
    return toJson();
  }

  /** Walks to the parent of the last segment, checking names against the schema on the way. */
  private JsonNode walk(JsonNode root, List<String> segments, String path, boolean create) {
    JsonNode current = root;
    Schema<?> currentSchema = schema;
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      if (!current.isContainerNode()) {
        throw new IllegalArgumentException(origin + ": " + String.join(".", segments.subList(0, i))
            + " is " + current + ", not an object or array, so it has no " + segment);
      }
      currentSchema = create ? member(currentSchema, current, segment, segments.subList(0, i + 1)) : null;
      if (i == segments.size() - 1) {
        return current;
      }
      JsonNode next;
      if (current.isObject()) {
        next = current.get(segment);
        if (next == null || next.isNull()) {
          if (!create) {
            throw new IllegalArgumentException(origin + " has no member " + path + " to remove");
          }
          next = isIndex(segments.get(i + 1)) ? NODES.arrayNode() : NODES.objectNode();
          ((ObjectNode) current).set(segment, next);
        }
      } else {
        next = current.get(index(segment, (ArrayNode) current, path, false));
      }
      current = next;
    }
    return current;
  }

  /** The schema of {@code name} inside {@code parent}; refuses a name the schema does not declare. */
  private Schema<?> member(Schema<?> parent, JsonNode value, String name, List<String> where) {
    if (parent == null) {
      return null;
    }
    Schema<?> resolved = resolve.apply(parent);
    if (value.isArray()) {
      return resolved.getItems();
    }
    Map<String, Schema> properties = properties(resolved);
    if (properties.isEmpty() || resolved.getAdditionalProperties() instanceof Schema
        || Boolean.TRUE.equals(resolved.getAdditionalProperties())) {
      return properties.get(name); // free-form: any member is the spec's
    }
    if (!properties.containsKey(name)) {
      throw new IllegalArgumentException(origin + ": the spec declares no member " + String.join(".", where)
          + "; the members there are " + new TreeSet<>(properties.keySet()));
    }
    return properties.get(name);
  }

  private Map<String, Schema> properties(Schema<?> s) {
    Map<String, Schema> all = new java.util.LinkedHashMap<>();
    if (s.getProperties() != null) {
      all.putAll(s.getProperties());
    }
    for (List<Schema> parts : java.util.Arrays.asList(s.getAllOf(), s.getOneOf(), s.getAnyOf())) {
      if (parts != null) {
        parts.forEach(p -> all.putAll(properties(resolve.apply(p))));
      }
    }
    return all;
  }

  private static List<String> segments(String path) {
    if (path == null || path.isBlank() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
      throw new IllegalArgumentException("path must be member names separated by dots, such as folder.name; was '"
          + path + "'");
    }
    return List.of(path.split("\\."));
  }

  private static boolean isIndex(String segment) {
    return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
  }

  private int index(String segment, ArrayNode array, String path, boolean appendable) {
    int limit = appendable ? array.size() : array.size() - 1;
    if (!isIndex(segment) || segment.length() > 9 || Integer.parseInt(segment) > limit) {
      throw new IllegalArgumentException(origin + ": " + path + " needs an index from 0 to " + limit
          + " for an array of " + array.size() + ", was '" + segment + "'");
    }
    return Integer.parseInt(segment);
  }

  private static String names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names.toString();
  }

  private static JsonNode toNode(Object value, String path) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof ExampleJson) {
      return ((ExampleJson) value).node.deepCopy();
    }
    if (value instanceof String || value instanceof Enum || value instanceof TemporalAccessor) {
      return NODES.textNode(value.toString());
    }
    if (value instanceof Boolean) {
      return NODES.booleanNode((Boolean) value);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof BigInteger) {
      return NODES.numberNode((BigInteger) value);
    }
    if (value instanceof Number) {
      return NODES.numberNode(new BigDecimal(value.toString()));
    }
    if (value instanceof Collection) {
      ArrayNode array = NODES.arrayNode();
      ((Collection<?>) value).forEach(v -> array.add(toNode(v, path)));
      return array;
    }
    if (value instanceof Map) {
      ObjectNode object = NODES.objectNode();
      ((Map<?, ?>) value).forEach((k, v) -> object.set(String.valueOf(k), toNode(v, path)));
      return object;
    }
    throw new IllegalArgumentException("the value of " + path + " must be a String, Number, Boolean, null, enum,"
        + " date-time, ExampleJson, List or Map; was a " + value.getClass().getName());
  }
}
