package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.mergesdk.agenthandler.AgentHandlerClient;
import dev.mergesdk.core.internal.Json;
import dev.mergesdk.core.RequestOptions;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.filestorage.FileStorageClient;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every request field the spec marks nullable can be cleared: its model's {@code clearX()} sends an explicit
 * {@code null} through the real operation, and the testkit's contract check accepts it, while a null the spec does
 * not allow is reported. Swept over every operation with a JSON body (every PATCH included), for the nullable
 * members of the body and of the objects directly inside it.
 */
class ExplicitNullsContractTest {
  @RegisterExtension
  final MergeMock ah = MergeMock.agentHandler();
  @RegisterExtension
  final MergeMock fs = MergeMock.fileStorage();

  /** One nullable member of a request body: the operation, the path to it, and the schema holding it. */
  private static final class Case {
    final SpecOperation op;
    final String bodySchema;
    final String outer;
    final String outerSchema;
    final String member;

    Case(SpecOperation op, String bodySchema, String outer, String outerSchema, String member) {
      this.op = op;
      this.bodySchema = bodySchema;
      this.outer = outer;
      this.outerSchema = outerSchema;
      this.member = member;
    }

    @Override
    public String toString() {
      return op.operationId() + " " + (outer == null ? "" : outer + ".") + member;
    }
  }

  @Test
  void everyNullableRequestFieldOfEveryOperationIsSentAsAnExplicitNullThatTheContractAccepts() throws Exception {
    List<String> failures = new ArrayList<>();
    List<String> covered = new ArrayList<>();
    TreeSet<String> patched = new TreeSet<>();
    try (AgentHandlerClient agentHandler = AgentHandlerClient.builder().apiKey("k").baseUrl(ah.baseUrl())
        .retryPolicy(RetryPolicy.none()).build();
        FileStorageClient fileStorage = FileStorageClient.builder().apiKey("k").accountToken("t")
            .baseUrl(fs.baseUrl()).retryPolicy(RetryPolicy.none()).build()) {
      for (Object[] api : new Object[][] {{ah, agentHandler, "dev.mergesdk.agenthandler.model."},
          {fs, fileStorage, "dev.mergesdk.filestorage.model."}}) {
        MergeMock mock = (MergeMock) api[0];
        for (Case c : cases(mock.spec())) {
          try {
            send(c, mock, api[1], (String) api[2]);
            covered.add(c.toString());
            if (c.op.method().equals("PATCH")) {
              patched.add(c.op.operationId());
            }
          } catch (Exception | AssertionError e) {
            failures.add(c + ": " + e);
          }
          mock.reset();
        }
      }
    }
    assertEquals(List.of(), failures);
    // The sweep is not vacuous: it reaches the fields the issue was about, and PATCH operations of both kinds.
    for (String expected : List.of("applicationCredentials_partialUpdate external_id",
        "applicationCredentials_partialUpdate oauth2_scopes_override", "applicationCredentials_partialUpdate client_secret",
        "toolDescriptionOverrides_bulkUpdate description", "toolDescriptionOverrides_bulkUpdateForToolPack description",
        "accessKeys_create expires_at", "registeredUsers_partialUpdate shared_credential_group.origin_company_id")) {
      assertTrue(covered.contains(expected), expected + " not in " + covered);
    }
    assertTrue(patched.containsAll(List.of("applicationCredentials_partialUpdate", "toolDescriptionOverrides_bulkUpdate",
        "registeredUsers_partialUpdate")), patched.toString());
  }

  @Test
  void aNullTheSpecDoesNotAllowIsReportedByTheContractCheck() {
    ah.allowViolations();
    try (AgentHandlerClient client = AgentHandlerClient.builder().apiKey("k").baseUrl(ah.baseUrl())
        .retryPolicy(RetryPolicy.none()).build()) {
      client.registeredUsers().partialUpdate("7f1c2a9e-3b4d-4c5e-8f60-1a2b3c4d5e6f",
          new dev.mergesdk.agenthandler.model.RegisteredUserUpdate())
          .with(RequestOptions.builder().extraBodyMember("origin_user_name", JsonNull.INSTANCE).build()).execute();
    }
    assertEquals(1, ah.violations().size(), ah.violations().toString());
    assertTrue(ah.violations().get(0).message().contains("null"), ah.violations().get(0).message());
    assertEquals("{\"origin_user_name\":null}", ah.lastRequest().body());
  }

  private static List<Case> cases(ApiSpec spec) {
    List<Case> cases = new ArrayList<>();
    for (SpecOperation op : spec.operations()) {
      Schema<?> body = jsonBody(spec, op);
      if (body == null) {
        continue;
      }
      String bodyName = refName(body.getType() != null && body.getType().equals("array") ? body.getItems() : body);
      if (bodyName == null) {
        continue;
      }
      Schema<?> bodySchema = schema(spec, bodyName);
      bodySchema.getProperties().forEach((name, property) -> {
        if (nullable(spec, property) && !Boolean.TRUE.equals(property.getReadOnly())) {
          cases.add(new Case(op, bodyName, null, null, name));
        }
        String inner = refName(property);
        Schema<?> innerSchema = inner == null ? null : schema(spec, inner);
        if (innerSchema != null && innerSchema.getProperties() != null) {
          innerSchema.getProperties().forEach((innerName, innerProperty) -> {
            if (nullable(spec, innerProperty) && !Boolean.TRUE.equals(innerProperty.getReadOnly())) {
              cases.add(new Case(op, bodyName, name, inner, innerName));
            }
          });
        }
      });
    }
    return cases;
  }

  /** Sends the case's null through the operation's generated method, and checks what reached the mock. */
  private static void send(Case c, MergeMock mock, Object client, String modelPackage) throws Exception {
    Object model = minimal(c.op.spec(), c.bodySchema, modelPackage);
    Object holder = model;
    if (c.outer != null) {
      Object inner = minimal(c.op.spec(), c.outerSchema, modelPackage);
      model.getClass().getMethod(javaName(c.outer), inner.getClass()).invoke(model, inner);
      holder = inner;
    }
    holder.getClass().getMethod("clear" + pascal(c.member)).invoke(holder);
    invoke(c.op, client, model);
    RecordedCall call = mock.lastRequest();
    assertEquals(c.op.operationId(), call.operationId());
    JsonElement sent = JsonParser.parseString(call.body());
    JsonObject object = sent.isJsonArray() ? sent.getAsJsonArray().get(0).getAsJsonObject() : sent.getAsJsonObject();
    if (c.outer != null) {
      object = object.getAsJsonObject(c.outer);
    }
    assertTrue(object.has(c.member) && object.get(c.member).isJsonNull(), "sent " + call.body());
    assertEquals(List.of(), mock.violations());
  }

  private static void invoke(SpecOperation op, Object client, Object model) throws Exception {
    for (Method group : client.getClass().getMethods()) {
      if (group.getParameterCount() != 0 || group.getReturnType().getPackage() != client.getClass().getPackage()) {
        continue;
      }
      Method binding = binding(group.getReturnType(), op);
      if (binding == null) {
        continue;
      }
      Method operation = null;
      for (Method m : group.getReturnType().getMethods()) {
        if (m.getName().equals(binding.getName()) && !Modifier.isStatic(m.getModifiers())
            && (operation == null || m.getParameterCount() < operation.getParameterCount())) {
          operation = m;
        }
      }
      Iterator<String> pathValues = pathValues(op).iterator();
      Object[] args = new Object[operation.getParameterCount()];
      for (int i = 0; i < args.length; i++) {
        Class<?> type = operation.getParameterTypes()[i];
        args[i] = type == String.class ? pathValues.next() : type == List.class ? List.of(model)
            : type.isInstance(model) ? model : null;
      }
      Object call = operation.invoke(group.invoke(client), args);
      dev.mergesdk.core.MergeCall.class.getMethod("execute").invoke(call);
      return;
    }
    throw new AssertionError("no generated operation sends " + op);
  }

  private static Method binding(Class<?> group, SpecOperation op) {
    for (Class<?> nested : group.getDeclaredClasses()) {
      if (!nested.getSimpleName().equals("Service")) {
        continue;
      }
      for (Method m : nested.getDeclaredMethods()) {
        for (java.lang.annotation.Annotation a : m.getAnnotations()) {
          if (a.annotationType().getSimpleName().equals(op.method())) {
            try {
              String path = (String) a.annotationType().getMethod("value").invoke(a);
              if (("/" + path).equals(op.path())) {
                return m;
              }
            } catch (ReflectiveOperationException e) {
              throw new AssertionError(e);
            }
          }
        }
      }
    }
    return null;
  }

  private static List<String> pathValues(SpecOperation op) {
    List<String> values = new ArrayList<>();
    Matcher m = Pattern.compile("\\{([^}]+)}").matcher(op.path());
    while (m.find()) {
      for (Parameter p : op.parameters()) {
        if ("path".equals(p.getIn()) && p.getName().equals(m.group(1))) {
          values.add(op.exampleValue(p));
        }
      }
    }
    return values;
  }

  /** A model holding only its required members, with values its schema accepts. */
  private static Object minimal(ApiSpec spec, String schemaName, String modelPackage) throws Exception {
    JsonObject json = new JsonObject();
    Schema<?> schema = schema(spec, schemaName);
    if (schema.getRequired() != null) {
      for (String name : schema.getRequired()) {
        json.add(name, value(spec, schema.getProperties().get(name)));
      }
    }
    return Json.gson().fromJson(json, Class.forName(modelPackage + schemaName));
  }

  private static JsonElement value(ApiSpec spec, Schema<?> property) {
    Schema<?> s = refName(property) != null ? schema(spec, refName(property)) : property;
    if (s.getEnum() != null && !s.getEnum().isEmpty()) {
      return new JsonPrimitive(String.valueOf(s.getEnum().get(0)));
    }
    String type = s.getType() == null ? "object" : s.getType();
    switch (type) {
      case "integer":
      case "number":
        return new JsonPrimitive(s.getMinimum() != null ? s.getMinimum().intValue() : 1);
      case "boolean":
        return new JsonPrimitive(true);
      case "array":
        return new JsonArray();
      case "string":
        return new JsonPrimitive("uuid".equals(s.getFormat()) ? "00000000-0000-4000-8000-000000000000"
            : "date-time".equals(s.getFormat()) ? "2026-01-02T03:04:05Z" : "uri".equals(s.getFormat())
            ? "https://example.com/" : "x");
      default:
        JsonObject object = new JsonObject();
        if (s.getRequired() != null) {
          s.getRequired().forEach(name -> object.add(name, value(spec, s.getProperties().get(name))));
        }
        return object;
    }
  }

  private static Schema<?> jsonBody(ApiSpec spec, SpecOperation op) {
    RequestBody body = op.operation().getRequestBody();
    if (body == null) {
      return null;
    }
    if (body.get$ref() != null) {
      body = spec.openApi().getComponents().getRequestBodies().get(body.get$ref().replaceFirst(".*/", ""));
    }
    MediaType json = body.getContent() == null ? null : body.getContent().get("application/json");
    return json == null ? null : json.getSchema();
  }

  private static boolean nullable(ApiSpec spec, Schema<?> property) {
    String ref = refName(property);
    return Boolean.TRUE.equals(property.getNullable())
        || (ref != null && Boolean.TRUE.equals(schema(spec, ref).getNullable()));
  }

  private static String refName(Schema<?> schema) {
    return schema == null || schema.get$ref() == null ? null : schema.get$ref().replaceFirst(".*/", "");
  }

  private static Schema<?> schema(ApiSpec spec, String name) {
    Map<String, Schema> schemas = spec.openApi().getComponents().getSchemas();
    return schemas.get(name);
  }

  private static String pascal(String member) {
    StringBuilder sb = new StringBuilder();
    for (String part : member.split("_")) {
      sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return sb.toString();
  }

  private static String javaName(String member) {
    String p = pascal(member);
    return Character.toLowerCase(p.charAt(0)) + p.substring(1);
  }
}
