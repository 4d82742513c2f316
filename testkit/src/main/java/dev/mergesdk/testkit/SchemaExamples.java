package dev.mergesdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Makes a value that satisfies a schema, for the operations whose spec declares no example (request bodies,
 * mostly): the schema's own example, default or first enum value where it has one; otherwise the required members
 * only, each the simplest value of its type and format. In a request, read-only members are left out; in a
 * response, write-only ones.
 */
final class SchemaExamples {
  /** Deep enough for every schema of the specs; a cycle of required members stops here. */
  private static final int MAX_DEPTH = 12;
  static final String UUID = "00000000-0000-4000-8000-000000000001";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final UnaryOperator<Schema<?>> resolve;
  private final boolean request;

  SchemaExamples(UnaryOperator<Schema<?>> resolve, boolean request) {
    this.resolve = resolve;
    this.request = request;
  }

  JsonNode of(Schema<?> schema) {
    return of(schema, 0);
  }

  private JsonNode of(Schema<?> unresolved, int depth) {
    Schema<?> schema = resolve.apply(unresolved);
    if (schema.getExample() != null) {
      return Json.mapper().valueToTree(schema.getExample());
    }
    if (schema.getDefault() != null) {
      return Json.mapper().valueToTree(schema.getDefault());
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return Json.mapper().valueToTree(schema.getEnum().get(0));
    }
    if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
      ObjectNode merged = NODES.objectNode();
      for (Schema<?> part : schema.getAllOf()) {
        JsonNode value = of(part, depth + 1);
        if (value.isObject()) {
          merged.setAll((ObjectNode) value);
        }
      }
      return merged;
    }
    if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
      return of(schema.getOneOf().get(0), depth + 1);
    }
    if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
      return of(schema.getAnyOf().get(0), depth + 1);
    }
    String type = schema.getType();
    if (type == null) {
      type = schema.getProperties() != null ? "object" : schema.getItems() != null ? "array" : "string";
    }
    switch (type) {
      case "object":
        return object(schema, depth);
      case "array":
        ArrayNode array = NODES.arrayNode();
        if (schema.getItems() != null && depth < MAX_DEPTH) {
          int count = Math.max(1, schema.getMinItems() == null ? 1 : schema.getMinItems());
          for (int i = 0; i < count; i++) {
            array.add(of(schema.getItems(), depth + 1));
          }
        }
        return array;
      case "integer":
        return NODES.numberNode(number(schema).longValueExact());
      case "number":
        return NODES.numberNode(number(schema));
      case "boolean":
        return NODES.booleanNode(true);
      default:
        return NODES.textNode(string(schema));
    }
  }

  private ObjectNode object(Schema<?> schema, int depth) {
    ObjectNode object = NODES.objectNode();
    Map<String, Schema> properties = schema.getProperties();
    if (properties == null || depth >= MAX_DEPTH) {
      return object;
    }
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    properties.forEach((name, property) -> {
      Schema<?> resolved = resolve.apply(property);
      boolean hidden = Boolean.TRUE.equals(request ? resolved.getReadOnly() : resolved.getWriteOnly());
      if (!hidden && (required.contains(name) || resolved.getExample() != null)) {
        object.set(name, of(property, depth + 1));
      }
    });
    return object;
  }

  private static BigDecimal number(Schema<?> schema) {
    BigDecimal value = BigDecimal.ONE;
    if (schema.getMinimum() != null && value.compareTo(schema.getMinimum()) < 0) {
      value = schema.getMinimum();
    }
    if (schema.getMaximum() != null && value.compareTo(schema.getMaximum()) > 0) {
      value = schema.getMaximum();
    }
    return value;
  }

  private static String string(Schema<?> schema) {
    String format = schema.getFormat() == null ? "" : schema.getFormat();
    String value;
    switch (format) {
      case "uuid":
        return UUID;
      case "date-time":
        return "2024-01-01T00:00:00Z";
      case "date":
        return "2024-01-01";
      case "email":
        return "user@example.com";
      case "uri":
      case "url":
        return "https://example.com/";
      case "byte":
        return "ZXhhbXBsZQ==";
      default:
        value = "example";
    }
    if (schema.getMinLength() != null && value.length() < schema.getMinLength()) {
      value = value + "x".repeat(schema.getMinLength() - value.length());
    }
    if (schema.getMaxLength() != null && value.length() > schema.getMaxLength()) {
      value = value.substring(0, schema.getMaxLength());
    }
    return value;
  }
}
