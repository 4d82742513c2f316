package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void retryableStatusesAreRetriedUntilSuccess(int status) {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(status, "{\"detail\":\"busy\"}").json(status, "{}").json(200, "{\"id\":\"ok\"}");
      assertEquals("ok", client.api.get("1").execute().id);
      assertEquals(3, server.requestCount());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 422})
  void clientErrorsAreNeverRetried(int status) {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(status, "{\"detail\":\"no\"}").json(200, "{}");
      assertThrows(ApiException.class, () -> client.api.get("1").execute());
      assertEquals(1, server.requestCount());
    }
  }

  @Test
  void attemptsAreBoundedAndTheLastErrorIsThrown() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      for (int i = 0; i < 5; i++) {
        server.json(503, "{\"detail\":\"down " + i + "\"}");
      }
      ServerException e = assertThrows(ServerException.class, () -> client.api.get("1").execute());
      assertEquals(3, server.requestCount());
      assertTrue(e.getMessage().contains("down 2"), e.getMessage());
    }
  }

  @Test
  void retryAfterInSecondsIsHonoured() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(429, "{}", Headers.of("Retry-After", "1")).json(200, "{\"id\":\"ok\"}");
      long start = System.nanoTime();
      client.api.get("1").execute();
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      assertTrue(elapsedMs >= 950, "waited only " + elapsedMs + " ms");
    }
  }

  @Test
  void retryAfterAsHttpDateIsHonoured() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(2));
      server.json(503, "{}", Headers.of("Retry-After", inTwoSeconds)).json(200, "{\"id\":\"ok\"}");
      long start = System.nanoTime();
      client.api.get("1").execute();
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      // HTTP-dates have whole-second precision, so the wait is between 1 and 2 seconds.
      assertTrue(elapsedMs >= 900, "waited only " + elapsedMs + " ms");
      assertEquals(2, server.requestCount());
    }
  }

  @Test
  void retryAfterIsClampedToTheMaximum() {
    RetryPolicy policy = MockServer.fastRetries(3).toBuilder().maxRetryAfter(Duration.ofMillis(50)).build();
    try (MockServer server = new MockServer(); TestClient client = server.clientBuilder().retryPolicy(policy).build()) {
      server.json(429, "{}", Headers.of("Retry-After", "3600")).json(200, "{\"id\":\"ok\"}");
      long start = System.nanoTime();
      client.api.get("1").execute();
      assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000);
      assertEquals(2, server.requestCount());
    }
  }

  @Test
  void aWaitThatWouldOverrunTheBudgetIsNotStartedAndTheErrorSurfaces() {
    RetryPolicy policy = MockServer.fastRetries(5).toBuilder().budget(Duration.ofMillis(500)).build();
    try (MockServer server = new MockServer(); TestClient client = server.clientBuilder().retryPolicy(policy).build()) {
      server.json(429, "{}", Headers.of("Retry-After", "30")).json(200, "{}");
      long start = System.nanoTime();
      RateLimitException e = assertThrows(RateLimitException.class, () -> client.api.get("1").execute());
      assertTrue((System.nanoTime() - start) / 1_000_000 < 1_000);
      assertEquals(Duration.ofSeconds(30), e.retryAfter().orElseThrow());
      assertEquals(1, server.requestCount());
    }
  }

  @Test
  void anAttemptStartedLateIsCutAtTheBudgetSoTheWholeCallFitsInIt() {
    // Read timeout 1 s, budget 1.5 s: the second attempt may only use the 0.5 s left, not a full second.
    RetryPolicy policy = MockServer.fastRetries(5).toBuilder().budget(Duration.ofMillis(1500)).build();
    try (MockServer server = new MockServer();
        TestClient client = server.clientBuilder().retryPolicy(policy).readTimeout(Duration.ofSeconds(1)).build()) {
      for (int i = 0; i < 5; i++) {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(5, java.util.concurrent.TimeUnit.SECONDS));
      }
      long start = System.nanoTime();
      assertThrows(MergeTimeoutException.class, () -> client.api.get("1").execute());
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      assertTrue(elapsedMs >= 1_400 && elapsedMs < 1_800, "took " + elapsedMs + " ms for a 1500 ms budget");
      assertEquals(2, server.requestCount());
    }
  }

  @Test
  void anUnsafePostIsNotRetriedAfterItReachedTheServer() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(503, "{}").json(200, "{\"id\":\"dup\"}");
      assertThrows(ServerException.class, () -> client.api.create(TestApi.Thing.named("n")).execute());
      assertEquals(1, server.requestCount());
    }
  }

  @Test
  void anUnsafePatchIsNotRetriedAfterTheConnectionDropped() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE));
      server.json(200, "{}");
      assertThrows(NetworkException.class, () -> client.api.update("1", TestApi.Thing.named("n")).execute());
      assertEquals(1, server.requestCount());
    }
  }

  @Test
  void aPostWithAnIdempotencyKeyIsRetriedWithTheSameKeyOnEveryAttempt() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(500, "{}").json(502, "{}").json(201, "{\"id\":\"created\"}");
      RequestOptions options = RequestOptions.builder().idempotencyKey("key-123").build();
      assertEquals("created", client.api.create(TestApi.Thing.named("n")).with(options).execute().id);
      assertEquals(3, server.requestCount());
      for (int i = 0; i < 3; i++) {
        mockwebserver3.RecordedRequest request = server.take();
        assertEquals("key-123", request.getHeaders().get("Idempotency-Key"));
        assertEquals("{\"name\":\"n\"}", request.getBody().utf8());
      }
    }
  }

  @Test
  void aPostThatNeverReachedTheServerIsRetried() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (TestClient client = TestClient.builder().apiKey("k").baseUrl("http://127.0.0.1:" + closedPort + "/")
        .logger(lines::add).retryPolicy(MockServer.fastRetries(3)).build()) {
      NetworkException e = assertThrows(NetworkException.class, () -> client.api.create(TestApi.Thing.named("n")).execute());
      assertTrue(e.getCause() instanceof java.net.ConnectException, String.valueOf(e.getCause()));
      // The logger sits after the retry loop, so it sees every attempt.
      assertEquals(3, lines.stream().filter(l -> l.startsWith("--> POST")).count(), lines.toString());
    }
  }

  @Test
  void connectionFailuresOfAGetAreRetried() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE));
      server.json(200, "{\"id\":\"after-reset\"}");
      assertEquals("after-reset", client.api.get("1").execute().id);
      assertEquals(2, server.requestCount());
    }
  }

  @Test
  void aGetWhoseBodyIsCutMidwayIsRetriedAndDecodesTheCompleteBody() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{\"id\":\"cut\",\"name\":\"" + "y".repeat(5_000) + "\"}")
          .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE));
      server.json(200, "{\"id\":\"whole\"}");
      assertEquals("whole", client.api.get("1").execute().id);
      assertEquals(2, server.requestCount());
    }
  }

  @Test
  void aGetWhoseBodyStallsPastTheReadTimeoutIsRetried() {
    try (MockServer server = new MockServer();
        TestClient client = server.clientBuilder().readTimeout(Duration.ofMillis(200)).build()) {
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{\"id\":\"late\"}").bodyDelay(1, java.util.concurrent.TimeUnit.SECONDS));
      server.json(200, "{\"id\":\"on-time\"}");
      assertEquals("on-time", client.api.get("1").execute().id);
      assertEquals(2, server.requestCount());
    }
  }

  @Test
  void anUnsafePostWhoseBodyIsCutIsNotRetried() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
          .body("{\"id\":\"cut\",\"name\":\"" + "y".repeat(5_000) + "\"}")
          .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE));
      server.json(201, "{\"id\":\"dup\"}");
      assertThrows(NetworkException.class, () -> client.api.create(TestApi.Thing.named("n")).execute());
      assertEquals(1, server.requestCount());
    }
  }

  @Test
  void retriesCanBeTurnedOff() {
    try (MockServer server = new MockServer();
        TestClient client = server.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
      server.json(503, "{}").json(200, "{}");
      assertThrows(ServerException.class, () -> client.api.get("1").execute());
      assertEquals(1, server.requestCount());
    }
  }

  @Test
  void backoffIsFullJitterUnderAnExponentialCap() {
    RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(350)).build();
    for (int i = 0; i < 200; i++) {
      assertTrue(policy.backoff(1, RetryPolicy::uniform).toMillis() <= 100);
      assertTrue(policy.backoff(2, RetryPolicy::uniform).toMillis() <= 200);
      assertTrue(policy.backoff(3, RetryPolicy::uniform).toMillis() <= 350);
      assertTrue(policy.backoff(30, RetryPolicy::uniform).toMillis() <= 350);
    }
    long distinct = java.util.stream.IntStream.range(0, 200).mapToLong(i -> policy.backoff(3, RetryPolicy::uniform).toMillis()).distinct().count();
    assertTrue(distinct > 20, "backoff is not randomised: " + distinct + " distinct values");
  }

  @Test
  void retryAfterParsesSecondsDatesAndRejectsGarbage() {
    java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");
    assertEquals(Duration.ofSeconds(7), RetryDecision.retryAfter(" 7 ", now));
    assertEquals(Duration.ZERO, RetryDecision.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now));
    assertEquals(Duration.ofSeconds(90), RetryDecision.retryAfter("Thu, 01 Jan 2026 00:01:30 GMT", now));
    assertEquals(null, RetryDecision.retryAfter("soon", now));
    assertEquals(null, RetryDecision.retryAfter("-3", now));
    assertEquals(null, RetryDecision.retryAfter("1.5", now));
    assertEquals(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L),
        RetryDecision.retryAfter("99999999999999999999999999", now), "a huge value is clamped, never an overflow");
  }
}
