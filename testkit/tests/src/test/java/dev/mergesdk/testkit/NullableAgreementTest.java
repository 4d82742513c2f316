package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonNull;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import dev.mergesdk.core.Expandable;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.ByteString;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spec, the testkit's validator and the generated models agree on null. Every property of every object that a
 * 2xx response example reaches is tried once: the example is served again with that one property set to null.
 * Where the spec makes the property nullable, the {@link ContractValidator} accepts the response and the models
 * decode it with the property's field null; where it gives the property a type but not nullable, the validator
 * rejects it. Every nullable property that a response schema can reach must be reached by an example, so none goes
 * untried.
 */
class NullableAgreementTest {
  private static final String SCHEMAS = "#/components/schemas/";

  static Stream<Arguments> apis() {
    return Stream.of(
        Arguments.of(Named.of("File Storage", ApiSpec.fileStorage()), "dev.mergesdk.filestorage.model"),
        Arguments.of(Named.of("Agent Handler", ApiSpec.agentHandler()), "dev.mergesdk.agenthandler.model"));
  }

  /** One property of one object in one response example; {@code at} leads from the body to the object. */
  private static final class Site {
    final SpecOperation op;
    final int status;
    final JsonNode body;
    final List<Object> at;
    final String owner;
    final String property;
    final Schema<?> schema;

    Site(SpecOperation op, int status, JsonNode body, List<Object> at, String owner, String property,
        Schema<?> schema) {
      this.op = op;
      this.status = status;
      this.body = body;
      this.at = at;
      this.owner = owner;
      this.property = property;
      this.schema = schema;
    }

    String name() {
      return owner + "." + property;
    }

    JsonNode withNull() {
      JsonNode copy = body.deepCopy();
      JsonNode object = copy;
      for (Object step : at) {
        object = step instanceof Integer ? object.get((Integer) step) : object.get((String) step);
      }
      ((ObjectNode) object).putNull(property);
      return copy;
    }

    @Override
    public String toString() {
      return name() + " (in the " + status + " example of " + op + ")";
    }
  }

  @ParameterizedTest(name = "{0}: nullable properties are null to the validator and to the models")
  @MethodSource("apis")
  void nullablePropertiesAreAcceptedAsNullAndDecodeAsNull(ApiSpec spec, String modelPackage) throws Exception {
    Map<String, Site> sites = sites(spec);
    List<String> problems = new ArrayList<>();
    int tried = 0;
    for (Site site : sites.values()) {
      if (!nullable(spec, site.schema)) {
        continue;
      }
      tried++;
      JsonNode body = site.withNull();
      List<Violation> violations = serve(spec, site.op, site.status, body);
      if (!violations.isEmpty()) {
        problems.add(site + ": the validator rejects null: " + violations);
      }
      Type type = javaType(spec, site.op, site.status, modelPackage);
      if (type == null) {
        problems.add(site + ": no generated model for the response");
        continue;
      }
      try {
        Object decoded = dev.mergesdk.core.Json.gson().fromJson(body.toString(), type);
        Object value = read(decoded, site.at, site.property);
        if (value != null && value != JsonNull.INSTANCE) {
          problems.add(site + ": the model decodes null as " + value);
        }
      } catch (RuntimeException | ReflectiveOperationException e) {
        problems.add(site + ": the model cannot decode null: " + e);
      }
    }
    Set<String> unreached = new TreeSet<>(reachableNullable(spec));
    sites.values().forEach(s -> unreached.remove(s.name()));
    unreached.forEach(name -> problems.add(name + ": nullable, but no response example reaches it; add one"));
    System.out.println("[nullable] " + spec.title() + ": " + tried + " nullable response properties tried");
    assertTrue(tried > 0, "no nullable response property in " + spec);
    if (!problems.isEmpty()) {
      fail(problems.size() + " disagreement(s) on null in " + spec.title() + ":\n  - " + String.join("\n  - ", problems));
    }
  }

  @ParameterizedTest(name = "{0}: typed properties that are not nullable reject null")
  @MethodSource("apis")
  void typedPropertiesThatAreNotNullableRejectNull(ApiSpec spec, String modelPackage) {
    List<String> problems = new ArrayList<>();
    int tried = 0;
    for (Site site : sites(spec).values()) {
      if (nullable(spec, site.schema) || !typed(spec, site.schema)) {
        continue;
      }
      tried++;
      if (serve(spec, site.op, site.status, site.withNull()).isEmpty()) {
        problems.add(site + ": not nullable in the spec, yet the validator accepts null");
      }
    }
    System.out.println("[nullable] " + spec.title() + ": " + tried + " non-nullable response properties tried");
    assertTrue(tried > 0, "no typed response property in " + spec);
    if (!problems.isEmpty()) {
      fail(problems.size() + " disagreement(s) on null in " + spec.title() + ":\n  - " + String.join("\n  - ", problems));
    }
  }

  // ---- The spec's side ----

  /** Every property the examples reach, once each (the first place reached), by owner schema and name. */
  private static Map<String, Site> sites(ApiSpec spec) {
    Map<String, Site> sites = new LinkedHashMap<>();
    for (SpecOperation op : spec.operations()) {
      successMedia(spec, op).forEach((status, media) -> {
        for (Object example : examples(spec, media)) {
          JsonNode body = Json.mapper().valueToTree(example);
          List<Violation> before = serve(spec, op, status, body);
          assertEquals(List.of(), before, op + ": the " + status + " example itself breaks the spec");
          walk(spec, body, media.getSchema(), null, new ArrayList<>(), (at, owner, property, schema) ->
              sites.putIfAbsent(owner + "." + property, new Site(op, status, body, at, owner, property, schema)));
        }
      });
    }
    return sites;
  }

  private interface Visitor {
    void property(List<Object> at, String owner, String property, Schema<?> schema);
  }

  private static void walk(ApiSpec spec, JsonNode node, Schema<?> schema, String owner, List<Object> at,
      Visitor visitor) {
    String name = owner;
    Schema<?> s = schema;
    while (s != null && s.get$ref() != null) {
      name = s.get$ref().substring(SCHEMAS.length());
      s = spec.openApi().getComponents().getSchemas().get(name);
    }
    if (s == null) {
      return;
    }
    if (node.isObject()) {
      for (Schema<?> branch : branches(s)) {
        if (isObject(spec, branch)) {
          walk(spec, node, branch, name, at, visitor);
        }
      }
      Map<String, Schema> properties = s.getProperties() == null ? Map.of() : s.getProperties();
      for (Map.Entry<String, Schema> p : properties.entrySet()) {
        visitor.property(List.copyOf(at), name, p.getKey(), p.getValue());
        if (node.has(p.getKey())) {
          walk(spec, node.get(p.getKey()), p.getValue(), name, append(at, p.getKey()), visitor);
        }
      }
      if (s.getAdditionalProperties() instanceof Schema) {
        Schema<?> values = (Schema<?>) s.getAdditionalProperties();
        for (String key : (Iterable<String>) node::fieldNames) {
          if (!properties.containsKey(key)) {
            walk(spec, node.get(key), values, name, append(at, key), visitor);
          }
        }
      }
    } else if (node.isArray() && s.getItems() != null) {
      for (int i = 0; i < node.size(); i++) {
        walk(spec, node.get(i), s.getItems(), name, append(at, i), visitor);
      }
    }
  }

  /** Every nullable property a 2xx JSON response schema can reach, by owner schema and name. */
  private static Set<String> reachableNullable(ApiSpec spec) {
    Set<String> found = new TreeSet<>();
    Set<String> seen = new LinkedHashSet<>();
    for (SpecOperation op : spec.operations()) {
      successMedia(spec, op).values().forEach(media -> reach(spec, media.getSchema(), null, seen, found));
    }
    return found;
  }

  private static void reach(ApiSpec spec, Schema<?> schema, String owner, Set<String> seen, Set<String> found) {
    if (schema == null) {
      return;
    }
    String name = owner;
    Schema<?> s = schema;
    if (s.get$ref() != null) {
      name = s.get$ref().substring(SCHEMAS.length());
      if (!seen.add(name)) {
        return;
      }
      s = spec.openApi().getComponents().getSchemas().get(name);
      if (s == null) {
        return;
      }
    }
    for (Schema<?> branch : branches(s)) {
      reach(spec, branch, name, seen, found);
    }
    if (s.getProperties() != null) {
      for (Map.Entry<String, Schema> p : s.getProperties().entrySet()) {
        if (nullable(spec, p.getValue())) {
          found.add(name + "." + p.getKey());
        }
        reach(spec, p.getValue(), name, seen, found);
      }
    }
    reach(spec, s.getItems(), name, seen, found);
    if (s.getAdditionalProperties() instanceof Schema) {
      reach(spec, (Schema<?>) s.getAdditionalProperties(), name, seen, found);
    }
  }

  /**
   * Nullable as OpenAPI 3.0.3 reads it: {@code nullable} beside a type, in this schema or in a oneOf/anyOf branch;
   * an enum must also list null, since nullable does not loosen enum.
   */
  private static boolean nullable(ApiSpec spec, Schema<?> schema) {
    Schema<?> s = resolve(spec, schema);
    if (Boolean.TRUE.equals(s.getNullable()) && s.getType() != null
        && (s.getEnum() == null || s.getEnum().contains(null))) {
      return true;
    }
    List<Schema> alternatives = new ArrayList<>();
    if (s.getOneOf() != null) {
      alternatives.addAll(s.getOneOf());
    }
    if (s.getAnyOf() != null) {
      alternatives.addAll(s.getAnyOf());
    }
    return alternatives.stream().anyMatch(b -> nullable(spec, b));
  }

  /** Whether the schema restricts the type at all; an untyped one (any JSON) takes null like anything else. */
  private static boolean typed(ApiSpec spec, Schema<?> schema) {
    Schema<?> s = resolve(spec, schema);
    return s.getType() != null || !branches(s).isEmpty();
  }

  private static boolean isObject(ApiSpec spec, Schema<?> schema) {
    Schema<?> s = resolve(spec, schema);
    return "object".equals(s.getType()) || s.getProperties() != null;
  }

  private static List<Schema> branches(Schema<?> s) {
    List<Schema> all = new ArrayList<>();
    Stream.of(s.getOneOf(), s.getAnyOf(), s.getAllOf()).filter(l -> l != null).forEach(all::addAll);
    return all;
  }

  private static Schema<?> resolve(ApiSpec spec, Schema<?> schema) {
    Schema<?> s = schema;
    while (s.get$ref() != null) {
      s = spec.openApi().getComponents().getSchemas().get(s.get$ref().substring(SCHEMAS.length()));
    }
    return s;
  }

  private static Map<Integer, MediaType> successMedia(ApiSpec spec, SpecOperation op) {
    Map<Integer, MediaType> media = new LinkedHashMap<>();
    if (op.operation().getResponses() == null) {
      return media;
    }
    op.operation().getResponses().forEach((code, r) -> {
      ApiResponse response = r.get$ref() == null ? r
          : spec.openApi().getComponents().getResponses().get(r.get$ref().substring(r.get$ref().lastIndexOf('/') + 1));
      if (!code.matches("2\\d\\d") || response.getContent() == null) {
        return;
      }
      response.getContent().forEach((type, m) -> {
        if (type.startsWith("application/json") && m.getSchema() != null) {
          media.put(Integer.parseInt(code), m);
        }
      });
    });
    return media;
  }

  private static List<Object> examples(ApiSpec spec, MediaType media) {
    List<Object> examples = new ArrayList<>();
    if (media.getExample() != null) {
      examples.add(media.getExample());
    }
    if (media.getExamples() != null) {
      for (Example e : media.getExamples().values()) {
        Example example = e.get$ref() == null ? e
            : spec.openApi().getComponents().getExamples().get(e.get$ref().substring(e.get$ref().lastIndexOf('/') + 1));
        if (example != null && example.getValue() != null) {
          examples.add(example.getValue());
        }
      }
    }
    if (examples.isEmpty() && resolve(spec, media.getSchema()).getExample() != null) {
      examples.add(resolve(spec, media.getSchema()).getExample());
    }
    return examples;
  }

  private static List<Object> append(List<Object> at, Object step) {
    List<Object> next = new ArrayList<>(at);
    next.add(step);
    return next;
  }

  // ---- The validator's side ----

  /** @return the violations the testkit's validator finds in the response (the request is only there to match) */
  private static List<Violation> serve(ApiSpec spec, SpecOperation op, int status, JsonNode body) {
    String path = op.path();
    for (Parameter p : op.parameters()) {
      if ("path".equals(p.getIn())) {
        path = path.replace("{" + p.getName() + "}", op.exampleValue(p));
      }
    }
    HttpUrl url = HttpUrl.get("http://localhost" + spec.basePath() + path);
    RecordedRequest request = new RecordedRequest(0, 0, null, List.of(), op.method(), url.encodedPath(), "HTTP/1.1",
        url, Headers.of(), ByteString.EMPTY, 0L, List.of(), null);
    MockResponse response = new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
        .body(body.toString()).build();
    ContractValidator.Result result = ContractValidator.of(spec).validate(request, response);
    assertEquals(op.operationId(), result.operation().map(SpecOperation::operationId).orElse(null),
        "the validator did not match " + op);
    return result.violations().stream().filter(v -> v.side().equals("response")).collect(Collectors.toList());
  }

  // ---- The models' side ----

  /** @return the generated type the client decodes the response into, or null when the schema names none */
  private static Type javaType(ApiSpec spec, SpecOperation op, int status, String modelPackage)
      throws ClassNotFoundException {
    Schema<?> schema = successMedia(spec, op).get(status).getSchema();
    if (schema.get$ref() != null) {
      return Class.forName(modelPackage + "." + schema.get$ref().substring(SCHEMAS.length()));
    }
    if (schema.getItems() != null && schema.getItems().get$ref() != null) {
      Class<?> item = Class.forName(modelPackage + "." + schema.getItems().get$ref().substring(SCHEMAS.length()));
      return TypeToken.getParameterized(List.class, item).getType();
    }
    return null;
  }

  /** Follows {@code at} through the decoded models (lists, maps, expanded references) and reads the property. */
  private static Object read(Object decoded, List<Object> at, String property) throws ReflectiveOperationException {
    Object current = decoded;
    for (Object step : at) {
      current = step instanceof Integer ? ((List<?>) unwrap(current)).get((Integer) step) : member(current, (String) step);
    }
    return member(current, property);
  }

  private static Object member(Object model, String name) throws ReflectiveOperationException {
    Object target = unwrap(model);
    if (target instanceof Map) {
      return ((Map<?, ?>) target).get(name);
    }
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        SerializedName serialized = field.getAnnotation(SerializedName.class);
        if (serialized != null && serialized.value().equals(name)) {
          field.setAccessible(true);
          return field.get(target);
        }
      }
    }
    throw new NoSuchFieldException(target.getClass().getName() + " has no field for '" + name + "'");
  }

  private static Object unwrap(Object value) {
    if (value instanceof Expandable) {
      return ((Expandable<?>) value).expanded()
          .orElseThrow(() -> new IllegalStateException("a reference the example sends expanded decoded as an id"));
    }
    return value;
  }
}
