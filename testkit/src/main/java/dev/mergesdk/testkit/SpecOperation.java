package dev.mergesdk.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One operation of an {@link ApiSpec}: method, path template, parameters, example response, paging shape. */
public final class SpecOperation {
  /** How a list operation pages, as seen from its query parameters. */
  public enum Paging {
    /** Not a paged list. */
    NONE,
    /** {@code ?cursor=}; pages are {@code {next, previous, results}} with opaque cursors (File Storage). */
    CURSOR,
    /** {@code ?page=}; pages are {@code {count, next, previous, results}} with page URLs (Agent Handler). */
    NUMBERED
  }

  /** An example response: status, content type and body, taken from the spec. */
  public static final class ExampleResponse {
    private final int status;
    private final String contentType;
    private final String body;

    ExampleResponse(int status, String contentType, String body) {
      this.status = status;
      this.contentType = contentType;
      this.body = body;
    }

    /** {@return the HTTP status} */
    public int status() {
      return status;
    }

    /** {@return the media type, or {@code null} for a response without a body} */
    public String contentType() {
      return contentType;
    }

    /** {@return the body ({@code ""} when none)} */
    public String body() {
      return body;
    }
  }

  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");

  private final ApiSpec spec;
  private final String method;
  private final String path;
  private final Operation operation;
  private final Pattern pattern;
  private final int literalLength;
  private final List<Parameter> parameters;

  SpecOperation(ApiSpec spec, String method, String path, PathItem item, Operation operation) {
    this.spec = spec;
    this.method = method;
    this.path = path;
    this.operation = operation;
    StringBuilder regex = new StringBuilder("^");
    Matcher m = TEMPLATE.matcher(path);
    int last = 0;
    int literal = 0;
    while (m.find()) {
      regex.append(Pattern.quote(path.substring(last, m.start()))).append("([^/]+)");
      literal += m.start() - last;
      last = m.end();
    }
    regex.append(Pattern.quote(path.substring(last))).append("$");
    literal += path.length() - last;
    this.pattern = Pattern.compile(regex.toString());
    this.literalLength = literal;
    Map<String, Parameter> params = new LinkedHashMap<>();
    for (List<Parameter> list : java.util.Arrays.asList(item.getParameters(), operation.getParameters())) {
      if (list != null) {
        for (Parameter p : list) {
          Parameter resolved = resolve(p);
          if (resolved != null) {
            params.put(resolved.getIn() + ":" + resolved.getName(), resolved);
          }
        }
      }
    }
    this.parameters = Collections.unmodifiableList(new ArrayList<>(params.values()));
  }

  /** {@return the operationId} */
  public String operationId() {
    return operation.getOperationId();
  }

  /** {@return the HTTP method, upper case} */
  public String method() {
    return method;
  }

  /** {@return the path template relative to the base path, e.g. {@code /files/{id}}} */
  public String path() {
    return path;
  }

  /** {@return the spec this operation belongs to} */
  public ApiSpec spec() {
    return spec;
  }

  /** {@return the parsed operation} */
  public Operation operation() {
    return operation;
  }

  /** {@return the path-level and operation-level parameters, references resolved} */
  public List<Parameter> parameters() {
    return parameters;
  }

  boolean matches(String relativePath) {
    return pattern.matcher(relativePath).matches();
  }

  int literalLength() {
    return literalLength;
  }

  /** {@return how the operation pages} */
  public Paging paging() {
    boolean results = exampleSchemaHasResults();
    for (Parameter p : parameters) {
      if ("query".equals(p.getIn()) && "cursor".equals(p.getName()) && results) {
        return Paging.CURSOR;
      }
      if ("query".equals(p.getIn()) && "page".equals(p.getName()) && results) {
        return Paging.NUMBERED;
      }
    }
    return Paging.NONE;
  }

  private boolean exampleSchemaHasResults() {
    Optional<MediaType> media = successMedia().map(Map.Entry::getValue);
    Schema<?> schema = media.map(MediaType::getSchema).map(this::resolveSchema).orElse(null);
    return schema != null && schema.getProperties() != null && schema.getProperties().containsKey("results");
  }

  /**
   * An example value for a parameter: its own example, its schema's, the first enum value, or a type default.
   *
   * @param parameter one of {@link #parameters()}
   * @return the value as it would appear in a URL
   */
  public String exampleValue(Parameter parameter) {
    Object example = parameter.getExample();
    if (example == null && parameter.getExamples() != null && !parameter.getExamples().isEmpty()) {
      example = resolve(parameter.getExamples().values().iterator().next()).getValue();
    }
    Schema<?> schema = parameter.getSchema() == null ? null : resolveSchema(parameter.getSchema());
    if (example == null && schema != null) {
      example = schema.getExample();
      if (example == null && schema.getEnum() != null && !schema.getEnum().isEmpty()) {
        example = schema.getEnum().get(0);
      }
      if (example == null && schema.getItems() != null) {
        Schema<?> items = resolveSchema(schema.getItems());
        example = items.getExample() != null ? items.getExample()
            : items.getEnum() != null && !items.getEnum().isEmpty() ? items.getEnum().get(0) : null;
      }
      if (example == null) {
        String type = schema.getType() == null ? "string" : schema.getType();
        switch (type) {
          case "integer":
          case "number":
            example = 1;
            break;
          case "boolean":
            example = true;
            break;
          default:
            example = "uuid".equals(schema.getFormat()) ? "00000000-0000-4000-8000-000000000000" : "example";
        }
      }
    }
    if (example instanceof JsonNode) {
      JsonNode node = (JsonNode) example;
      return node.isTextual() ? node.asText() : node.toString();
    }
    return String.valueOf(example);
  }

  /**
   * @return the first 2xx response's example as the spec declares it; made from the response's schema when the
   *     spec declares none, and with a concrete media type where the spec gives a range such as {@code *}{@code /*}
   */
  public ExampleResponse exampleResponse() {
    Optional<Map.Entry<String, ApiResponse>> success = successResponse();
    if (success.isEmpty()) {
      return new ExampleResponse(200, null, "");
    }
    int status = statusOf(success.get().getKey());
    Optional<Map.Entry<String, MediaType>> media = successMedia();
    if (media.isEmpty()) {
      return new ExampleResponse(status, null, "");
    }
    String type = concrete(media.get().getKey());
    Object example = exampleOf(media.get().getValue());
    if (example == null && isJson(type) && media.get().getValue().getSchema() != null) {
      example = new SchemaExamples(this::resolveSchema, false).of(media.get().getValue().getSchema());
    }
    if (example == null) {
      return new ExampleResponse(status, type, isJson(type) ? "{}" : "example");
    }
    if (!isJson(type) && example instanceof String) {
      return new ExampleResponse(status, type, (String) example);
    }
    return new ExampleResponse(status, type, json(example));
  }

  /** {@return the success answer's example as JSON to change, with its schema to check member names against} */
  ExampleJson exampleJson() {
    ExampleResponse example = exampleResponse();
    if (example.contentType() == null || !isJson(example.contentType())) {
      throw new IllegalArgumentException(operationId() + " answers " + (example.contentType() == null ? "no body"
          : example.contentType()) + ", not JSON: stub it with respond(status, contentType, body)");
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(example.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the example of " + operationId() + " is not JSON", e);
    }
    Schema<?> schema = successMedia().map(e -> e.getValue().getSchema()).orElse(null);
    return new ExampleJson(operationId() + "'s example", node, schema, this::resolveSchema);
  }

  /** {@return the first item of a paged list's example (made from the item schema when the example has none)} */
  ExampleJson exampleItem() {
    if (paging() == Paging.NONE) {
      throw new IllegalArgumentException(this + " is not a paged list: use example(\"" + operationId() + "\")");
    }
    ExampleJson page = exampleJson();
    Schema<?> pageSchema = successMedia().map(e -> resolveSchema(e.getValue().getSchema())).orElseThrow();
    Schema<?> itemSchema = pageSchema.getProperties().get("results").getItems();
    JsonNode results = page.node().get("results");
    JsonNode item = results != null && results.isArray() && results.size() > 0 ? results.get(0)
        : new SchemaExamples(this::resolveSchema, false).of(itemSchema);
    return new ExampleJson(operationId() + "'s example item", item, itemSchema, this::resolveSchema);
  }

  /**
   * @return the JSON request body of the spec's example, or one made from the body's schema when the spec gives
   *     none; {@code null} when the operation takes no JSON body
   */
  String exampleRequestBody() {
    RequestBody body = operation.getRequestBody();
    if (body != null && body.get$ref() != null) {
      body = component(components().getRequestBodies(), body.get$ref());
    }
    if (body == null || body.getContent() == null) {
      return null;
    }
    for (Map.Entry<String, MediaType> e : body.getContent().entrySet()) {
      if (isJson(e.getKey())) {
        Object example = exampleOf(e.getValue());
        if (example == null && e.getValue().getSchema() != null) {
          example = new SchemaExamples(this::resolveSchema, true).of(e.getValue().getSchema());
        }
        return example == null ? "{}" : json(example);
      }
    }
    return null;
  }

  private String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the example of " + operationId() + " as JSON", e);
    }
  }

  private Object exampleOf(MediaType media) {
    if (media.getExample() != null) {
      return media.getExample();
    }
    if (media.getExamples() != null && !media.getExamples().isEmpty()) {
      Example example = resolve(media.getExamples().values().iterator().next());
      if (example != null && example.getValue() != null) {
        return example.getValue();
      }
    }
    return media.getSchema() == null ? null : resolveSchema(media.getSchema()).getExample();
  }

  private Optional<Map.Entry<String, ApiResponse>> successResponse() {
    if (operation.getResponses() == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, ApiResponse> e : operation.getResponses().entrySet()) {
      if (e.getKey().startsWith("2")) {
        return Optional.of(Map.entry(e.getKey(), resolve(e.getValue())));
      }
    }
    return Optional.empty();
  }

  private Optional<Map.Entry<String, MediaType>> successMedia() {
    return successResponse().flatMap(r -> {
      if (r.getValue() == null || r.getValue().getContent() == null || r.getValue().getContent().isEmpty()) {
        return Optional.empty();
      }
      for (Map.Entry<String, MediaType> e : r.getValue().getContent().entrySet()) {
        if (isJson(e.getKey())) {
          return Optional.of(e);
        }
      }
      return Optional.of(r.getValue().getContent().entrySet().iterator().next());
    });
  }

  private static int statusOf(String code) {
    try {
      return Integer.parseInt(code);
    } catch (NumberFormatException e) {
      return 200; // "2XX"
    }
  }

  /** A server answers with one media type; the spec may declare a range such as {@code *}{@code /*}. */
  private static String concrete(String mediaType) {
    if (mediaType.equals("*/*")) {
      return "application/octet-stream";
    }
    return mediaType.endsWith("/*") ? mediaType.substring(0, mediaType.length() - 1) + "octet-stream" : mediaType;
  }

  static boolean isJson(String mediaType) {
    String type = mediaType == null ? "" : mediaType.toLowerCase(java.util.Locale.ROOT);
    return type.startsWith("application/json") || type.contains("+json");
  }

  private Components components() {
    Components c = spec.openApi().getComponents();
    return c == null ? new Components() : c;
  }

  private static <T> T component(Map<String, T> map, String ref) {
    return map == null ? null : map.get(ref.substring(ref.lastIndexOf('/') + 1));
  }

  private Parameter resolve(Parameter p) {
    return p.get$ref() == null ? p : component(components().getParameters(), p.get$ref());
  }

  private ApiResponse resolve(ApiResponse r) {
    return r.get$ref() == null ? r : component(components().getResponses(), r.get$ref());
  }

  private Example resolve(Example e) {
    return e.get$ref() == null ? e : component(components().getExamples(), e.get$ref());
  }

  private Schema<?> resolveSchema(Schema<?> s) {
    Schema<?> current = s;
    for (int i = 0; i < 10 && current.get$ref() != null; i++) {
      Schema<?> next = component(components().getSchemas(), current.get$ref());
      if (next == null) {
        break;
      }
      current = next;
    }
    return current;
  }

  @Override
  public String toString() {
    return operationId() + " (" + method + " " + path + ")";
  }
}
