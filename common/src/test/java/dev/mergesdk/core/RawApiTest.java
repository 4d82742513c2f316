package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A raw request reaches any path of the API with everything an operation has: credentials, retries, typed errors,
 * redaction and logging; and no path can send it, or the credentials, anywhere else.
 */
class RawApiTest {
  private final MockServer server = new MockServer();

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void aPathIsResolvedUnderTheBaseUrlWithTheQueryAndTheClientsCredentials() {
    server.json(200, "{\"results\":[1,2]}");
    Map<String, String> query = new LinkedHashMap<>();
    query.put("page_size", "10");
    query.put("q", "a b&c");
    JsonElement body;
    try (TestClient client = server.client()) {
      body = client.runtime.raw().get("/beta/things/", query).execute();
    }
    assertEquals(JsonParser.parseString("{\"results\":[1,2]}"), body);
    RecordedRequest request = server.take();
    assertEquals("/api/beta/things/?page_size=10&q=a%20b%26c", request.getTarget());
    assertEquals("Bearer " + MockServer.API_KEY, request.getHeaders().get("Authorization"));
    assertEquals(MockServer.ACCOUNT_TOKEN, request.getHeaders().get("X-Account-Token"));
    assertTrue(request.getHeaders().get("User-Agent").startsWith("merge-sdk-java/"));
  }

  @Test
  void aBodyIsSentAsBuiltNullsIncludedAndAnAnswerWithoutABodyIsJsonNull() {
    server.json(200, "{\"id\":\"t1\"}").enqueue(new MockResponse.Builder().code(204));
    JsonObject patch = new JsonObject();
    patch.add("description", JsonNull.INSTANCE);
    patch.addProperty("name", "<b>");
    try (TestClient client = server.client()) {
      assertEquals("t1", client.runtime.raw().patch("things/t1", patch).execute().getAsJsonObject().get("id")
          .getAsString());
      ApiResponse<JsonElement> deleted = client.runtime.raw().delete("/things/t1").executeRaw();
      assertEquals(204, deleted.statusCode());
      assertEquals(JsonNull.INSTANCE, deleted.body());
    }
    RecordedRequest sent = server.take();
    assertEquals("PATCH", sent.getMethod());
    assertEquals("{\"description\":null,\"name\":\"<b>\"}", sent.getBody().utf8());
    assertEquals("application/json; charset=utf-8", sent.getHeaders().get("Content-Type"));
    assertEquals("DELETE", server.take().getMethod());
  }

  @Test
  void errorsAreTypedAndCarryTheRequestId() {
    server.json(404, "{\"detail\":\"Not found.\"}", Headers.of("X-Request-Id", "req-42"));
    try (TestClient client = server.client()) {
      NotFoundException e = assertThrows(NotFoundException.class,
          () -> client.runtime.raw().get("/things/missing").execute());
      assertEquals("req-42", e.requestId().orElseThrow());
      assertEquals("HTTP 404 from GET " + server.baseUrl() + "things/missing: Not found. (request id req-42)",
          e.getMessage());
    }
  }

  @Test
  void aReadIsRetriedAndAWriteOnlyWithAnIdempotencyKey() {
    server.json(503, "{}").json(200, "{\"ok\":true}").json(503, "{}").json(503, "{}").json(201, "{}");
    JsonObject body = new JsonObject();
    try (TestClient client = server.client()) {
      assertTrue(client.runtime.raw().get("/things").execute().getAsJsonObject().get("ok").getAsBoolean());
      assertThrows(ServerException.class, () -> client.runtime.raw().post("/things", body).execute());
      client.runtime.raw().post("/things", body)
          .with(RequestOptions.builder().idempotencyKey("key-1").build()).execute();
    }
    assertEquals(5, server.requestCount());
  }

  @Test
  void everyPathThatCouldLeaveTheApiIsRefusedNamingThePathBeforeAnythingIsSent() {
    List<String> hostile = List.of("https://evil.example/x", "//evil.example/x", "http:x", "mailto:a@b",
        "\\\\evil.example\\x", "/a\\b", "../x", "/things/../../x", "/things/%2e%2e/x", "./x", "x?y=1", "x#frag",
        "/th ings", "/x\r\nHost: evil.example", "");
    try (TestClient client = server.client()) {
      for (String path : hostile) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> client.runtime.raw().get(path),
            "path '" + path + "'");
        assertTrue(e instanceof IllegalArgumentException, path + ": " + e);
        assertTrue(e.getMessage().startsWith("path must"), path + ": " + e.getMessage());
      }
      assertThrows(NullPointerException.class, () -> client.runtime.raw().get(null));
    }
    assertEquals(0, server.requestCount());
  }

  @Test
  void badMethodsQueriesAndBodiesAreRefusedNamingTheArgument() {
    try (TestClient client = server.client()) {
      RawApi raw = client.runtime.raw();
      assertEquals("method must be one of GET, POST, PUT, PATCH, DELETE, was 'TRACE'",
          assertThrows(IllegalArgumentException.class, () -> raw.request("TRACE", "/x", Map.of(), null)).getMessage());
      assertEquals("body must be null for GET",
          assertThrows(IllegalArgumentException.class, () -> raw.request("get", "/x", Map.of(), new JsonObject()))
              .getMessage());
      Map<String, String> nullValue = new LinkedHashMap<>();
      nullValue.put("q", null);
      assertEquals("value of query parameter q must not be null",
          assertThrows(NullPointerException.class, () -> raw.get("/x", nullValue)).getMessage());
      assertEquals("body must not be null", assertThrows(NullPointerException.class, () -> raw.post("/x", null))
          .getMessage());
    }
  }

  @Test
  void rawCallsAreLoggedRedactedLikeAnyOther() {
    server.json(200, "{}");
    List<String> lines = new ArrayList<>();
    try (TestClient client = server.clientBuilder().logger(lines::add).build()) {
      client.runtime.raw().get("/things", Map.of("api_key", "raw_SECRET_in_query_1234")).executeAsync().join();
    }
    assertEquals("--> GET " + server.baseUrl() + "things?api_key=***", lines.get(0).split(" \\| ")[0]);
    lines.forEach(line -> assertFalse(line.contains("SECRET"), line));
  }
}
