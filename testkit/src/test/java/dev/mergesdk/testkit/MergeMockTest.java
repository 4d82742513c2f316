package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mock against a small fixture spec, driven by plain OkHttp (the real clients are in testkit/tests). */
class MergeMockTest {
  private static final ApiSpec SPEC = ApiSpec.named("testkit-fixture");
  private final MergeMock mock = MergeMock.of(SPEC).start();
  private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

  @AfterEach
  void stop() {
    mock.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private Response get(String relative) throws IOException {
    return http.newCall(new Request.Builder().url(mock.baseUrl() + relative)
        .header("Authorization", "Bearer k").build()).execute();
  }

  private static JsonNode json(Response response) throws IOException {
    return Json.mapper().readTree(response.body().string());
  }

  @Test
  void servesTheSpecExampleUnderTheSpecBasePath() throws IOException {
    assertTrue(mock.baseUrl().endsWith("/api/fixture/v1/"), mock.baseUrl());
    try (Response r = get("things/t1")) {
      assertEquals(200, r.code());
      assertEquals("First", json(r).get("name").asText());
    }
    RecordedCall call = mock.lastRequest();
    assertEquals("things_retrieve", call.operationId());
    assertEquals("/things/t1", call.path());
    assertEquals("Bearer k", call.header("authorization"));
    mock.assertNoViolations();
  }

  @Test
  void unknownPathsAre404sAndViolations() throws IOException {
    try (Response r = get("nothing/here")) {
      assertEquals(404, r.code());
      assertTrue(json(r).get("detail").asText().contains("no operation of the Testkit Fixture API spec matches GET"));
    }
    ContractViolationError e = assertThrows(ContractViolationError.class, mock::assertNoViolations);
    assertTrue(e.getMessage().contains("/api/fixture/v1/nothing/here"), e.getMessage());
  }

  @Test
  void invalidRequestsAre400sNamingTheOperationAndTheField() throws IOException {
    try (Response r = get("things?page_size=500")) {
      assertEquals(400, r.code());
    }
    Request post = new Request.Builder().url(mock.baseUrl() + "things").header("Authorization", "Bearer k")
        .post(RequestBody.create("{\"name\":\"far too long a name\"}", MediaType.get("application/json"))).build();
    try (Response r = http.newCall(post).execute()) {
      assertEquals(400, r.code());
    }
    try (Response r = http.newCall(new Request.Builder().url(mock.baseUrl() + "things/t1").build()).execute()) {
      assertEquals(400, r.code(), "no credentials");
    }
    ContractViolationError e = assertThrows(ContractViolationError.class, mock::assertNoViolations);
    String message = e.getMessage();
    assertTrue(message.contains("things_list GET /api/fixture/v1/things?page_size=500: request:"), message);
    assertTrue(message.contains("page_size"), message);
    assertTrue(message.contains("things_create POST"), message);
    assertTrue(message.contains("/name"), message);
    assertTrue(message.contains("things_retrieve GET"), message);
    assertEquals(3, e.violations().stream().map(Violation::operationId).distinct().count(), message);
    mock.assertNoViolations(); // reported once
  }

  @Test
  void stubsAreServedAndChecked() throws IOException {
    mock.stub("things_retrieve").respondJson(200, "{\"id\":\"t2\",\"name\":\"Stubbed\"}")
        .respondJson(404, "{\"detail\":\"Not found.\"}");
    try (Response r = get("things/t2")) {
      assertEquals("Stubbed", json(r).get("name").asText());
    }
    for (int i = 0; i < 2; i++) {
      try (Response r = get("things/t3")) {
        assertEquals(404, r.code(), "the last answer repeats");
      }
    }
    mock.assertNoViolations();

    mock.stub("things_list").respondJson(200, "{\"results\":[{\"id\":\"x\"}]}");
    try (Response r = get("things")) {
      assertEquals(200, r.code(), "a bad stub is still served");
    }
    ContractViolationError e = assertThrows(ContractViolationError.class, mock::assertNoViolations);
    assertTrue(e.getMessage().contains("things_list GET /api/fixture/v1/things: response:"), e.getMessage());
    assertTrue(e.getMessage().contains("name"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> mock.stub("no_such_operation"));
  }

  @Test
  void cursorPagesFollowTheFileStorageShape() throws IOException {
    assertEquals(SpecOperation.Paging.CURSOR, SPEC.operation("things_list").paging());
    mock.stub("things_list").respondPages("[{\"id\":\"1\",\"name\":\"a\"},{\"id\":\"2\",\"name\":\"b\"},"
        + "{\"id\":\"3\",\"name\":\"c\"},{\"id\":\"4\",\"name\":\"d\"},{\"id\":\"5\",\"name\":\"e\"}]", 3);
    List<String> ids = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      try (Response r = get("things" + (cursor == null ? "" : "?cursor=" + cursor))) {
        JsonNode page = json(r);
        page.get("results").forEach(t -> ids.add(t.get("id").asText()));
        assertTrue(page.has("previous"));
        cursor = page.get("next").isNull() ? null : page.get("next").asText();
      }
      pages++;
    } while (cursor != null);
    assertEquals(3, pages);
    assertEquals(List.of("1", "2", "3", "4", "5"), ids);
    mock.assertNoViolations();
  }

  @Test
  void numberedPagesFollowTheAgentHandlerShape() throws IOException {
    assertEquals(SpecOperation.Paging.NUMBERED, SPEC.operation("widgets_list").paging());
    mock.stub("widgets_list").respondPages("[{\"id\":\"1\"},{\"id\":\"2\"},{\"id\":\"3\"},{\"id\":\"4\"}]", 2);
    JsonNode first;
    try (Response r = get("widgets/?page_size=2")) {
      first = json(r);
    }
    assertEquals(4, first.get("count").asInt());
    assertTrue(first.get("previous").isNull());
    HttpUrl next = HttpUrl.get(first.get("next").asText());
    assertEquals("2", next.queryParameter("page"));
    assertEquals("2", next.queryParameter("page_size"));
    try (Response r = http.newCall(new Request.Builder().url(next).header("Authorization", "Bearer k").build()).execute()) {
      JsonNode second = json(r);
      assertEquals("3", second.get("results").get(0).get("id").asText());
      assertTrue(second.get("next").isNull());
      assertEquals("1", HttpUrl.get(second.get("previous").asText()).queryParameter("page"));
    }
    mock.assertNoViolations();
  }

  @Test
  void faults() throws IOException {
    mock.injectFault(Fault.rateLimited(Duration.ofSeconds(3))).injectFault(Fault.status(503));
    try (Response r = get("things/t1")) {
      assertEquals(429, r.code());
      assertEquals("3", r.header("Retry-After"));
    }
    try (Response r = get("things/t1")) {
      assertEquals(503, r.code());
    }
    try (Response r = get("things/t1")) {
      assertEquals(200, r.code(), "faults apply once");
    }

    mock.stub("things_retrieve").fault(Fault.disconnectMidBody()).respondExample();
    try (Response r = get("things/t1")) {
      assertEquals(200, r.code());
      assertThrows(IOException.class, () -> r.body().string());
    }
    try (Response r = get("things/t1")) {
      assertEquals("First", json(r).get("name").asText());
    }

    mock.injectFault(Fault.slowHeaders(Duration.ofSeconds(2)));
    OkHttpClient impatient = http.newBuilder().readTimeout(Duration.ofMillis(200)).build();
    assertThrows(InterruptedIOException.class, () -> impatient.newCall(new Request.Builder()
        .url(mock.baseUrl() + "things/t1").header("Authorization", "Bearer k").build()).execute().close());

    mock.injectFault(Fault.disconnectBeforeResponse());
    assertThrows(IOException.class, () -> get("things/t1").close());
    assertEquals(7, mock.requests("things_retrieve").size());
    mock.assertNoViolations();
  }

  @Test
  void recordsRequests() throws IOException {
    Request post = new Request.Builder().url(mock.baseUrl() + "things?x=1&x=2").header("Authorization", "Bearer k")
        .header("X-Custom", "v").post(RequestBody.create("{\"name\":\"n\"}", MediaType.get("application/json"))).build();
    try (Response r = http.newCall(post).execute()) {
      assertEquals(400, r.code(), "x is not a parameter of things_create");
    }
    RecordedCall call = mock.lastRequest();
    assertEquals("things_create", call.operationId());
    assertEquals("POST", call.method());
    assertEquals(List.of("1", "2"), call.query().get("x"));
    assertEquals("1", call.queryParameter("x"));
    assertNull(call.queryParameter("y"));
    assertEquals("v", call.header("x-custom"));
    assertEquals("{\"name\":\"n\"}", call.body());
    assertTrue(mock.violations().get(0).message().contains("x"), mock.violations().toString());
    mock.reset();
    assertTrue(mock.requests().isEmpty());
    assertTrue(mock.violations().isEmpty());
  }

  private Response post(String relative, String json) throws IOException {
    return http.newCall(new Request.Builder().url(mock.baseUrl() + relative).header("Authorization", "Bearer k")
        .post(RequestBody.create(json, MediaType.get("application/json"))).build()).execute();
  }

  @Test
  void enqueuedAnswersGoInOrderBeforeStubsWhateverTheOperation() throws IOException {
    mock.stub("things_retrieve").respondJson(200, "{\"id\":\"t2\",\"name\":\"Stubbed\"}");
    mock.enqueueJson(200, "{\"id\":\"t5\",\"name\":\"Enqueued\"}").enqueueJsonOffSpec(404, "{}");
    try (Response r = get("things/t5")) {
      assertEquals("Enqueued", json(r).get("name").asText());
    }
    try (Response r = get("things")) {
      assertEquals(404, r.code(), "the next enqueued answer, though for another operation");
    }
    try (Response r = get("things/t2")) {
      assertEquals("Stubbed", json(r).get("name").asText(), "the queue is empty: the stub answers");
    }
    mock.assertNoViolations();
  }

  @Test
  void enqueuedAnswersAreCheckedUnlessOffSpec() throws IOException {
    mock.enqueueJson(200, "{\"id\":\"t5\"}");
    try (Response r = get("things/t5")) {
      assertEquals(200, r.code(), "a bad answer is still served");
    }
    ContractViolationError e = assertThrows(ContractViolationError.class, mock::assertNoViolations);
    assertTrue(e.getMessage().contains("things_retrieve GET /api/fixture/v1/things/t5: response:"), e.getMessage());

    mock.enqueueJsonOffSpec(200, "{\"id\":\"t5\"}");
    try (Response r = get("things/t5")) {
      assertEquals(200, r.code());
    }
    mock.assertNoViolations();
  }

  @Test
  void fixturesAreReadFromTheClassPath() throws IOException {
    assertThrows(IllegalStateException.class, () -> mock.fixture("things_retrieve"), "no directory set yet");
    mock.fixtures("/fixtures/testkit/");
    assertThrows(IllegalArgumentException.class, () -> mock.fixture("no_such_fixture"));
    mock.enqueueFixture(200, "things_retrieve");
    try (Response r = get("things/t7")) {
      assertEquals("From a fixture", json(r).get("name").asText());
    }
    assertTrue(mock.fixture("things_retrieve").contains("\"t7\""));
    mock.assertNoViolations();
  }

  @Test
  void requestsAreTakenInOrderWithTheirMethodTargetAuthorizationAndBody() throws IOException {
    mock.expectAuthorization("Bearer k");
    try (Response r = get("things/t1")) {
      assertEquals(200, r.code());
    }
    try (Response r = post("things", "{\"name\":\"n\"}")) {
      assertEquals(201, r.code());
    }
    assertEquals(2, mock.requestCount());
    assertEquals("things_retrieve", mock.takeRequestWithoutBody("GET", "/things/t1").operationId());
    AssertionError wrongBody = assertThrows(AssertionError.class, () -> mock.takeJsonRequest("POST", "/things",
        "{\"name\":\"other\"}"));
    assertTrue(wrongBody.getMessage().contains("request body"), wrongBody.getMessage());
    mock.takeTimeout(java.time.Duration.ofMillis(50));
    AssertionError none = assertThrows(AssertionError.class, () -> mock.takeRequest());
    assertTrue(none.getMessage().contains("received no request within 50 ms"), none.getMessage());

    mock.reset();
    try (Response r = post("things", "{\"name\":\"n\"}")) {
      assertEquals(201, r.code());
    }
    assertEquals("things_create", mock.takeJsonRequest("POST", "/things", "{ \"name\": \"n\" }")
        .operationId(), "formatting aside");
    mock.reset();
    mock.expectAuthorization("Bearer other");
    try (Response r = get("things/t1")) {
      assertEquals(200, r.code());
    }
    AssertionError auth = assertThrows(AssertionError.class, () -> mock.takeRequest("GET", "/things/t1"));
    assertTrue(auth.getMessage().contains("Authorization header"), auth.getMessage());
  }

  @Test
  void aRequestNoTestExaminedIsReported() throws IOException {
    mock.requireEveryRequestTaken();
    try (Response r = get("things/t1")) {
      assertEquals(200, r.code());
    }
    try (Response r = get("things/t2")) {
      assertEquals(200, r.code());
    }
    mock.takeRequest();
    AssertionError e = assertThrows(AssertionError.class, mock::assertEveryRequestTaken);
    assertTrue(e.getMessage().startsWith("1 request(s) reached the server but the test never examined them: "
        + "[things_retrieve GET /api/fixture/v1/things/t2]"), e.getMessage());
    assertEquals("things_retrieve", mock.lastRequest().operationId());
    mock.assertEveryRequestTaken();
  }

  @Test
  void resourcesGivenToCloseAfterTestAreClosedWithTheMock() {
    List<String> closed = new ArrayList<>();
    AutoCloseable client = () -> closed.add("client");
    assertEquals(client, mock.closeAfterTest(client));
    mock.close();
    assertEquals(List.of("client"), closed);
    mock.close();
    assertEquals(List.of("client"), closed, "closed once");
  }
}
