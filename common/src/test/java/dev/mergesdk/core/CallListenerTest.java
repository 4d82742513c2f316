package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The listener sees each call start and end, each attempt with its status or failure, and each retry decision with
 * its reason and wait, in order; nothing it is given holds a secret, and a listener that throws changes nothing.
 */
class CallListenerTest {
  private final MockServer server = new MockServer();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<Object> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    server.close();
  }

  private final CallListener recorder = new CallListener() {
    @Override
    public void callStart(CallInfo call) {
      seen.add(call);
      events.add("start " + call.operation() + " " + call.method());
    }

    @Override
    public void attemptEnd(CallInfo call, AttemptInfo attempt) {
      seen.add(attempt);
      assertFalse(attempt.duration().isNegative());
      events.add("attempt " + attempt.number() + " " + attempt.failure().orElse(String.valueOf(attempt.statusCode()))
          + " id=" + attempt.requestId().orElse("-") + " out=" + attempt.requestBytes() + " in=" + attempt.responseBytes());
    }

    @Override
    public void retryDecision(CallInfo call, RetryInfo decision) {
      seen.add(decision);
      events.add((decision.retry() ? "retry" : "no retry") + " after " + decision.attempt() + "/"
          + decision.maxAttempts() + ": " + decision.reason() + (decision.retry() ? " in " + decision.delay().toMillis()
          + " ms" : ""));
    }

    @Override
    public void callEnd(CallInfo call, CallResult result) {
      seen.add(result);
      events.add("end " + (result.isSuccess() ? "ok" : result.failure().get().getClass().getSimpleName()) + " "
          + result.statusCode() + " after " + result.attempts() + " id=" + result.requestId().orElse("-"));
    }
  };

  private TestClient client() {
    java.util.function.LongUnaryOperator noJitter = bound -> bound;
    TestClient.Builder b = server.clientBuilder().callListener(recorder);
    b.random = noJitter;
    return b.build();
  }

  @Test
  void aCallThatSucceedsAtOnceIsOneAttemptBetweenStartAndEnd() {
    server.json(200, "{\"id\":\"t1\"}", Headers.of("X-Request-Id", "req-1"));
    try (TestClient client = client()) {
      client.api.get("t1").execute();
    }
    assertEquals(List.of("start TestApi.get GET", "attempt 1 200 id=req-1 out=0 in=11", "end ok 200 after 1 id=req-1"),
        events);
  }

  @Test
  void eachRetryDecisionIsReportedWithItsReasonAndWait() {
    server.json(503, "{}").json(200, "{\"id\":\"t1\"}", Headers.of("X-Request-Id", "req-2"));
    try (TestClient client = client()) {
      client.api.get("t1").execute();
    }
    assertEquals(List.of("start TestApi.get GET", "attempt 1 503 id=- out=0 in=2", "retry after 1/3: 503 in 5 ms",
        "attempt 2 200 id=req-2 out=0 in=11", "end ok 200 after 2 id=req-2"), events);
  }

  @Test
  void aWriteThatIsNotRetriedSaysWhyAndTheCallEndsWithItsException() {
    server.json(503, "{\"detail\":\"down\"}");
    TestApi.Thing thing = new TestApi.Thing();
    thing.name = "n";
    try (TestClient client = client()) {
      assertThrows(ServerException.class, () -> client.api.create(thing).execute());
    }
    assertEquals(List.of("start TestApi.create POST", "attempt 1 503 id=- out=12 in=17",
        "no retry after 1/3: the request reached the server and is not safe to repeat",
        "end ServerException 503 after 1 id=-"), events);
  }

  @Test
  void aTransportFailureIsAnAttemptWithoutAStatus() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE))
        .enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE))
        .enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE));
    try (TestClient client = client()) {
      assertThrows(NetworkException.class, () -> client.api.get("t1").execute());
    }
    assertTrue(events.get(1).startsWith("attempt 1 "), events.toString());
    assertFalse(events.get(1).startsWith("attempt 1 0"), "a failure is named: " + events);
    assertTrue(events.get(2).startsWith("retry after 1/3: "), events.toString());
    assertTrue(events.get(events.size() - 1).startsWith("end NetworkException 0 after 3"), events.toString());
  }

  @Test
  void anAsyncCallAndARawRequestAreReportedTheSameWay() {
    server.json(200, "{\"id\":\"t1\"}").json(200, "{}");
    try (TestClient client = client()) {
      client.api.get("t1").executeAsync().join();
      client.runtime.raw().get("/anything").execute();
    }
    assertEquals("start TestApi.get GET", events.get(0));
    assertEquals("end ok 200 after 1 id=-", events.get(2));
    assertEquals("start raw GET", events.get(3));
    assertEquals(6, events.size(), events.toString());
  }

  @Test
  void nothingTheListenerIsGivenHoldsASecret() {
    server.json(401, "{\"detail\":\"bad key " + MockServer.API_KEY + "\"}");
    try (TestClient client = client()) {
      assertThrows(AuthenticationException.class, () -> client.api.issues("tok_SECRET_in_query_123456").execute());
    }
    assertFalse(seen.isEmpty());
    for (Object event : seen) {
      String text = event.toString();
      assertFalse(text.contains(MockServer.API_KEY) || text.contains("tok_SECRET"), text);
      if (event instanceof CallInfo) {
        assertTrue(((CallInfo) event).url().endsWith("issues?account_token=***"), ((CallInfo) event).url());
      }
      if (event instanceof CallResult) {
        String message = ((CallResult) event).failure().get().getMessage();
        assertFalse(message.contains(MockServer.API_KEY), message);
      }
    }
  }

  @Test
  void aListenerThatThrowsNeverBreaksTheCall() {
    server.json(503, "{}").json(200, "{\"id\":\"t1\"}");
    CallListener throwing = new CallListener() {
      @Override
      public void callStart(CallInfo call) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void attemptEnd(CallInfo call, AttemptInfo attempt) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void retryDecision(CallInfo call, RetryInfo decision) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void callEnd(CallInfo call, CallResult result) {
        throw new IllegalStateException("listener bug");
      }
    };
    try (TestClient client = server.clientBuilder().callListener(throwing).build()) {
      assertEquals("t1", client.api.get("t1").execute().id);
    }
  }
}
