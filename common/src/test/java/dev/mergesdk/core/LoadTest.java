package dev.mergesdk.core;

import dev.mergesdk.core.internal.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Load: one shared client, many threads, many requests on loopback, about one in ten with an injected fault (5xx,
 * 429, reset, body cut mid-way, 404, truncated JSON, failing POSTs). Every request must end exactly as its fault
 * dictates, every response must carry its own request's id, the server must see exactly the expected number of
 * attempts per request (so no unsafe POST twice, nothing lost), nothing may deadlock, the connection pool and the
 * thread count must stay bounded, and no connection may be left in use.
 *
 * <p>By default it runs 10,000 requests on 32 threads (a few seconds). The larger form is on demand:
 *
 * <pre>
 * mvn -q -pl common -am verify -Dtest=LoadTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dmerge.load.requests=50000 -Dmerge.load.threads=32
 * </pre>
 */
class LoadTest {
  private static final int REQUESTS = Integer.getInteger("merge.load.requests", 10_000);
  private static final int THREADS = Integer.getInteger("merge.load.threads", 32);
  /** Sanity limit only: generous enough for a loaded 2-core machine; a stall or deadlock hits it. */
  private static final long TIME_LIMIT_SECONDS = Math.max(45, REQUESTS / 250);
  private static final String PAD = "p".repeat(2048);

  /** What request {@code id} is, what the server does to it, and how it must end. */
  enum Kind {
    GET_OK(1, null), GET_ASYNC(1, null), GET_503_ONCE(2, null), GET_RESET_ONCE(2, null), GET_429_ONCE(2, null),
    GET_CUT_BODY_ONCE(2, null), GET_404(1, NotFoundException.class), GET_TRUNCATED(1, DecodeException.class),
    POST_OK(1, null), POST_503(1, ServerException.class), POST_KEYED_502_ONCE(2, null);

    final int attempts;
    final Class<? extends MergeException> error;

    Kind(int attempts, Class<? extends MergeException> error) {
      this.attempts = attempts;
      this.error = error;
    }

    static Kind of(int id) {
      int r = id % 100;
      if (r < 3) {
        return GET_503_ONCE;
      }
      switch (r) {
        case 3:
          return GET_RESET_ONCE;
        case 4:
          return GET_429_ONCE;
        case 5:
          return GET_CUT_BODY_ONCE;
        case 6:
          return GET_404;
        case 7:
          return GET_TRUNCATED;
        case 8:
          return POST_503;
        case 9:
          return POST_KEYED_502_ONCE;
        default:
          return r < 20 ? POST_OK : r < 30 ? GET_ASYNC : GET_OK;
      }
    }

    boolean isPost() {
      return name().startsWith("POST");
    }
  }

  private static final class FaultyServer extends Dispatcher {
    final Map<Integer, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      int id = request.getMethod().equals("GET")
          ? Integer.parseInt(request.getUrl().pathSegments().get(2))
          : Integer.parseInt(Json.gson().fromJson(request.getBody().utf8(), TestApi.Thing.class).name);
      int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).getAndIncrement();
      String body = "{\"id\":\"" + id + "\",\"name\":\"n" + id + "\"}";
      switch (Kind.of(id)) {
        case GET_503_ONCE:
          return attempt == 0 ? json(503, "{\"detail\":\"busy\"}") : json(200, body);
        case GET_RESET_ONCE:
          return attempt == 0
              ? new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build()
              : json(200, body);
        case GET_429_ONCE:
          return attempt == 0
              ? new MockResponse.Builder().code(429).addHeader("Retry-After", "0").body("{}").build()
              : json(200, body);
        case GET_CUT_BODY_ONCE:
          return attempt == 0
              ? new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                  .body("{\"id\":\"" + id + "\",\"pad\":\"" + PAD + "\"}")
                  .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build()
              : json(200, body);
        case GET_404:
          return json(404, "{\"detail\":\"Not found.\"}");
        case GET_TRUNCATED:
          return json(200, body.substring(0, body.length() - 3));
        case POST_503:
          return json(503, "{\"detail\":\"busy\"}");
        case POST_KEYED_502_ONCE:
          return attempt == 0 ? json(502, "{}") : json(201, body);
        case POST_OK:
          return json(201, body);
        default:
          return json(200, body);
      }
    }

    private static MockResponse json(int code, String body) {
      return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }
  }

  @Test
  void oneSharedClientServesManyThreadsUnderInjectedFaultsWithNoErrorBeyondThemAndBoundedResources() throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int baselineThreads = threads.getThreadCount();
    FaultyServer dispatcher = new FaultyServer();
    OkHttpClient base = new OkHttpClient();
    ConnectionPool pool = base.connectionPool();
    AtomicLong logLines = new AtomicLong();
    List<String> leakedLines = new CopyOnWriteArrayList<>();
    List<String> wrong = new CopyOnWriteArrayList<>();
    Map<Kind, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    AtomicInteger maxConnections = new AtomicInteger();
    AtomicInteger maxThreads = new AtomicInteger();
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
        .maxBackoff(Duration.ofMillis(5)).budget(Duration.ofSeconds(20)).build();

    ExecutorService workers = Executors.newFixedThreadPool(THREADS);
    ExecutorService sampler = Executors.newSingleThreadExecutor();
    long start = System.nanoTime();
    try (SecretGuard guard = SecretGuard.startQuiet(); MockServer server = new MockServer();
        TestClient client = TestClient.builder().apiKey(SecretGuard.API_KEY).accountToken(SecretGuard.ACCOUNT_TOKEN)
            .baseUrl(server.baseUrl()).httpClient(base).retryPolicy(policy).readTimeout(Duration.ofSeconds(10))
            .logger(line -> {
              logLines.incrementAndGet();
              if (line.contains(SecretGuard.API_KEY) || line.contains(SecretGuard.ACCOUNT_TOKEN)) {
                leakedLines.add(line);
              }
            }).build()) {
      server.server.setDispatcher(dispatcher);
      sampler.submit(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          maxConnections.accumulateAndGet(pool.connectionCount(), Math::max);
          maxThreads.accumulateAndGet(threads.getThreadCount(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      for (int t = 0; t < THREADS; t++) {
        int first = t;
        workers.submit(() -> {
          for (int id = first; id < REQUESTS; id += THREADS) {
            Kind kind = Kind.of(id);
            Object outcome;
            try {
              outcome = call(client, id, kind);
            } catch (RuntimeException e) {
              outcome = e;
            }
            if (!matches(kind, id, outcome)) {
              wrong.add(id + " " + kind + ": " + outcome);
              guard.check(outcome);
            } else if (outcome instanceof Throwable && id % 500 < 10) {
              guard.check(outcome);
            }
            outcomes.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
          }
        });
      }
      workers.shutdown();
      boolean finished = workers.awaitTermination(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
      long[] deadlocked = threads.findDeadlockedThreads();
      if (!finished || deadlocked != null) {
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo info : threads.dumpAllThreads(true, true)) {
          dump.append(info);
        }
        workers.shutdownNow();
        throw new AssertionError((finished ? "deadlock" : "not finished within " + TIME_LIMIT_SECONDS + " s")
            + "; threads:\n" + dump);
      }
      assertEquals(0, pool.connectionCount() - pool.idleConnectionCount(), "connections left in use");
    } finally {
      sampler.shutdownNow();
      workers.shutdownNow();
      pool.evictAll();
    }
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;

    assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())), wrong.size() + " requests ended wrongly");
    assertEquals(REQUESTS, outcomes.values().stream().mapToInt(AtomicInteger::get).sum());
    for (int id = 0; id < REQUESTS; id++) {
      AtomicInteger seen = dispatcher.attempts.get(id);
      assertEquals(Kind.of(id).attempts, seen == null ? 0 : seen.get(), "attempts the server saw for request " + id
          + " (" + Kind.of(id) + ")");
    }
    assertEquals(List.of(), leakedLines);
    assertTrue(logLines.get() >= 2L * REQUESTS, logLines + " log lines");
    assertTrue(maxConnections.get() <= 2 * THREADS, "connection pool grew to " + maxConnections);
    // Workers, one server thread per connection, OkHttp's task and dispatcher threads: nothing that grows with the
    // number of requests.
    int threadBound = baselineThreads + 4 * THREADS + 32;
    assertTrue(maxThreads.get() <= threadBound, "thread count reached " + maxThreads + ", bound " + threadBound);
    System.out.printf("LoadTest: %d requests on %d threads in %d ms; peak %d connections, %d threads (baseline %d); %s%n",
        REQUESTS, THREADS, elapsedMs, maxConnections.get(), maxThreads.get(), baselineThreads, outcomes);
  }

  private static Object call(TestClient client, int id, Kind kind) {
    switch (kind) {
      case GET_ASYNC:
        try {
          return client.api.get(String.valueOf(id)).executeAsync().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          return e.getCause();
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
          return e;
        }
      case POST_OK:
      case POST_503:
        return client.api.create(TestApi.Thing.named(String.valueOf(id))).execute();
      case POST_KEYED_502_ONCE:
        return client.api.create(TestApi.Thing.named(String.valueOf(id)))
            .with(RequestOptions.builder().idempotencyKey("key-" + id).build()).execute();
      default:
        return client.api.get(String.valueOf(id)).execute();
    }
  }

  private static boolean matches(Kind kind, int id, Object outcome) {
    if (kind.error != null) {
      return outcome != null && outcome.getClass() == kind.error;
    }
    return outcome instanceof TestApi.Thing && String.valueOf(id).equals(((TestApi.Thing) outcome).id)
        && ("n" + id).equals(((TestApi.Thing) outcome).name);
  }
}
