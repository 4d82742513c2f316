package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockResponse;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * A call's timeout and its retry budget bound the whole call, waits and slow bodies included, and a cancelled
 * call stops waiting at once. Waits are specified on a fake clock; only the slow-body case needs real time, and it
 * asserts the outcome (a timeout where the body would otherwise have arrived whole), not a duration.
 */
class TimeBoundsTest {
  /** A clock that only moves when the retry loop sleeps on it. */
  static final class FakeTiming implements Timing {
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile long nanos;

    @Override
    public long nanoTime() {
      return nanos;
    }

    @Override
    public Instant now() {
      return Instant.EPOCH.plusNanos(nanos);
    }

    @Override
    public boolean sleep(Duration wait, BooleanSupplier canceled) throws InterruptedIOException {
      sleeps.add(wait);
      nanos += wait.toNanos();
      return !canceled.getAsBoolean();
    }
  }

  private static MockResponse.Builder unavailable(String retryAfter) {
    return new MockResponse.Builder().code(503).addHeader("Retry-After", retryAfter);
  }

  @Test
  void aRetryAfterLongerThanTheCallTimeoutIsNotWaited() {
    FakeTiming clock = new FakeTiming();
    try (MockServer server = new MockServer()) {
      TestClient.Builder builder = server.clientBuilder();
      builder.timing = clock;
      try (TestClient client = builder.build()) {
        server.enqueue(unavailable("3"));
        RequestOptions short600 = RequestOptions.builder().timeout(Duration.ofMillis(600)).build();
        assertThrows(ServerException.class, () -> client.api.get("1").with(short600).execute());
        assertEquals(List.of(), clock.sleeps, "a 3 s wait does not fit in 600 ms: answered at once");

        server.enqueue(unavailable("3")).json(200, "{\"id\":\"1\"}");
        RequestOptions ten = RequestOptions.builder().timeout(Duration.ofSeconds(10)).build();
        assertEquals("1", client.api.get("1").with(ten).execute().id);
        assertEquals(List.of(Duration.ofSeconds(3)), clock.sleeps);
      }
    }
  }

  @Test
  void theClientCallTimeoutBoundsRetryWaitsToo() {
    FakeTiming clock = new FakeTiming();
    try (MockServer server = new MockServer()) {
      TestClient.Builder builder = server.clientBuilder().callTimeout(Duration.ofMillis(600));
      builder.timing = clock;
      try (TestClient client = builder.build()) {
        server.enqueue(unavailable("3")).json(200, "{\"id\":\"1\"}");
        assertThrows(ServerException.class, () -> client.api.get("1").execute());
        assertEquals(List.of(), clock.sleeps);
        assertEquals(1, server.requestCount());
      }
    }
  }

  @Test
  void theRetryBudgetBoundsTheSumOfWaits() {
    FakeTiming clock = new FakeTiming();
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(10).budget(Duration.ofSeconds(10)).build();
    try (MockServer server = new MockServer()) {
      TestClient.Builder builder = server.clientBuilder().retryPolicy(policy);
      builder.timing = clock;
      try (TestClient client = builder.build()) {
        for (int i = 0; i < 10; i++) {
          server.enqueue(unavailable("4"));
        }
        assertThrows(ServerException.class, () -> client.api.get("1").execute());
        assertEquals(List.of(Duration.ofSeconds(4), Duration.ofSeconds(4)), clock.sleeps, "4 + 4 fit in 10 s; a third 4 does not");
      }
    }
  }

  @Test
  void aBodyTrickledByteByByteCannotOutliveTheRetryBudget() {
    String body = "{\"id\":\"1\",\"name\":\"" + "x".repeat(100) + "\"}";
    try (HostileServer trickle = new HostileServer((request, out) -> {
      HostileServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
          + "\r\n\r\n");
      for (char c : body.toCharArray()) {
        out.write(c);
        out.flush();
        Thread.sleep(50);
      }
    })) {
      RetryPolicy oneSecond = RetryPolicy.builder().maxAttempts(1).budget(Duration.ofSeconds(1)).build();
      try (TestClient client = TestClient.builder().apiKey(MockServer.API_KEY).baseUrl(trickle.url("/api/"))
          .readTimeout(Duration.ofSeconds(5)).retryPolicy(oneSecond).build()) {
        // Each byte resets the read timeout; only a bound on the whole call ends it before the ~6 s the body takes.
        assertThrows(MergeTimeoutException.class, () -> client.api.get("1").execute());
      }
    }
  }

  @Test
  void cancellingAFutureEndsItsRetryWaitAndFreesItsDispatcherSlot() throws Exception {
    Dispatcher dispatcher = new Dispatcher();
    OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher).build();
    RetryPolicy patient = RetryPolicy.builder().maxAttempts(3).maxRetryAfter(Duration.ofMinutes(1)).build();
    try (MockServer server = new MockServer();
        TestClient client = server.clientBuilder().httpClient(http).retryPolicy(patient).build()) {
      server.enqueue(unavailable("30"));
      CompletableFuture<TestApi.Thing> future = client.api.get("1").executeAsync();
      server.take();
      awaitTrue(() -> dispatcher.runningCallsCount() == 1, "the call is waiting to retry");
      future.cancel(true);
      // Without the wake-up the call would hold its slot for the 30 s the server asked for.
      awaitTrue(() -> dispatcher.runningCallsCount() == 0, "the cancelled call left its slot");
      assertEquals(1, server.requestCount());
      assertTrue(future.isCancelled());
    } finally {
      dispatcher.executorService().shutdown();
    }
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    assertTrue(condition.getAsBoolean(), what);
  }
}
