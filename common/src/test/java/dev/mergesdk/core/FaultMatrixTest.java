package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix: every network and server fault, for an idempotent GET and for an unsafe POST (no
 * Idempotency-Key). For each it checks the outcome (the model after retries, or the typed exception), the number
 * of attempts, that the elapsed time stays within the retry budget, that a POST that reached the server is never
 * sent twice, that no connection is left in use afterwards, and, since every case runs with a known API key and
 * account token under a {@link SecretGuard}, that neither secret shows up in logs, console, exceptions or
 * toString().
 */
class FaultMatrixTest {
  private static final Duration READ_TIMEOUT = Duration.ofMillis(250);
  private static final long MAX_BODY = 8192;
  private static final String OK = "{\"id\":\"ok\",\"name\":\"fine\"}";
  /** Fast backoff; Retry-After honoured but clamped to 300 ms so the suite stays quick; 3 s for everything. */
  private static final RetryPolicy POLICY = RetryPolicy.builder().maxAttempts(3)
      .initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20))
      .maxRetryAfter(Duration.ofMillis(300)).budget(Duration.ofSeconds(3)).build();

  /** What a call ends in: success (error null) or the exact exception type, after this many attempts. */
  record Expect(Class<? extends MergeException> error, int attempts) {
    static Expect ok(int attempts) {
      return new Expect(null, attempts);
    }

    static Expect fails(Class<? extends MergeException> error, int attempts) {
      return new Expect(error, attempts);
    }
  }

  record Fault(String name, boolean refused, Consumer<MockServer> serve, Expect get, Expect post,
      RetryPolicy policy, long minGetMillis, BiConsumer<String, Object> extra) {
    Fault policy(RetryPolicy p) {
      return new Fault(name, refused, serve, get, post, p, minGetMillis, extra);
    }

    Fault atLeast(long millis) {
      return new Fault(name, refused, serve, get, post, policy, millis, extra);
    }

    Fault also(BiConsumer<String, Object> check) {
      return new Fault(name, refused, serve, get, post, policy, minGetMillis, check);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static Fault fault(String name, Consumer<MockServer> serve, Expect get, Expect post) {
    return new Fault(name, false, serve, get, post, POLICY, 0, (m, o) -> { });
  }

  private static MockResponse.Builder json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body);
  }

  private static String bigJson(int size) {
    return "{\"id\":\"big\",\"name\":\"" + "y".repeat(size) + "\"}";
  }

  static Stream<Arguments> matrix() {
    List<Fault> faults = new ArrayList<>();
    faults.add(new Fault("connection refused", true, s -> { },
        Expect.fails(NetworkException.class, 3), Expect.fails(NetworkException.class, 3), POLICY, 0,
        (m, o) -> assertTrue(((Throwable) o).getCause() instanceof ConnectException, String.valueOf(o))));
    faults.add(fault("reset before the response",
        s -> s.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)).json(200, OK),
        Expect.ok(2), Expect.fails(NetworkException.class, 1)));
    faults.add(fault("disconnect mid-body",
        s -> s.enqueue(json(200, bigJson(3000)).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)).json(200, OK),
        Expect.ok(2), Expect.fails(NetworkException.class, 1)));
    faults.add(fault("body shorter than its Content-Length",
        s -> s.enqueue(json(200, OK).setHeader("Content-Length", "500")
            .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)).json(200, OK),
        Expect.ok(2), Expect.fails(NetworkException.class, 1)));
    faults.add(fault("truncated JSON",
        s -> s.json(200, "{\"id\":\"ok\",\"na").json(200, OK),
        Expect.fails(DecodeException.class, 1), Expect.fails(DecodeException.class, 1)));
    faults.add(fault("slow headers once (read timeout)",
        s -> s.enqueue(json(200, OK).headersDelay(1, TimeUnit.SECONDS)).json(200, OK),
        Expect.ok(2), Expect.fails(MergeTimeoutException.class, 1)));
    faults.add(fault("slow headers every time (read timeout)",
        s -> {
          for (int i = 0; i < 3; i++) {
            s.enqueue(json(200, OK).headersDelay(1, TimeUnit.SECONDS));
          }
        },
        Expect.fails(MergeTimeoutException.class, 3), Expect.fails(MergeTimeoutException.class, 1)));
    faults.add(fault("body stalls past the read timeout",
        s -> s.enqueue(json(200, bigJson(500)).bodyDelay(1, TimeUnit.SECONDS)).json(200, OK),
        Expect.ok(2), Expect.fails(MergeTimeoutException.class, 1)));
    faults.add(fault("slow but steady body",
        s -> s.enqueue(json(200, bigJson(1000)).throttleBody(200, 40, TimeUnit.MILLISECONDS)),
        Expect.ok(1), Expect.ok(1)));
    faults.add(fault("429 without Retry-After",
        s -> s.json(429, "{\"detail\":\"slow down\"}").json(200, OK),
        Expect.ok(2), Expect.fails(RateLimitException.class, 1)));
    faults.add(fault("429 with Retry-After in seconds",
        s -> s.json(429, "{}", Headers.of("Retry-After", "1")).json(200, OK),
        Expect.ok(2), Expect.fails(RateLimitException.class, 1)).atLeast(280).also((m, o) -> {
          if (o instanceof RateLimitException) {
            assertEquals(Duration.ofSeconds(1), ((RateLimitException) o).retryAfter().orElseThrow());
          }
        }));
    faults.add(fault("429 with Retry-After as an HTTP-date",
        s -> s.json(429, "{}", Headers.of("Retry-After",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(30)))).json(200, OK),
        Expect.ok(2), Expect.fails(RateLimitException.class, 1)).atLeast(280).also((m, o) -> {
          if (o instanceof RateLimitException) {
            long s = ((RateLimitException) o).retryAfter().orElseThrow().getSeconds();
            assertTrue(s >= 25 && s <= 30, "Retry-After read as " + s + " s");
          }
        }));
    for (int status : new int[] {500, 502, 503, 504}) {
      faults.add(fault(status + " streak shorter than the attempt budget",
          s -> s.json(status, "{\"detail\":\"busy\"}").json(status, "{}").json(200, OK),
          Expect.ok(3), Expect.fails(ServerException.class, 1)));
      faults.add(fault(status + " streak longer than the attempt budget",
          s -> {
            for (int i = 0; i < 5; i++) {
              s.json(status, "{\"detail\":\"down " + i + "\"}");
            }
          },
          Expect.fails(ServerException.class, 3), Expect.fails(ServerException.class, 1)).also((m, o) ->
              assertTrue(((Throwable) o).getMessage().contains(m.equals("GET") ? "down 2" : "down 0"),
                  "the last response is the one reported: " + o)));
    }
    // Each wait is 400 ms (Retry-After clamped): attempts at about 0, 400 and 800 ms; a fourth would start after
    // the 1.15 s budget, so the third 503 is what the caller gets (robust to up to 350 ms of request time).
    faults.add(fault("503 streak longer than the time budget",
        s -> {
          for (int i = 0; i < 10; i++) {
            s.json(503, "{}", Headers.of("Retry-After", "1"));
          }
        },
        Expect.fails(ServerException.class, 3), Expect.fails(ServerException.class, 1))
        .policy(POLICY.toBuilder().maxAttempts(10).maxRetryAfter(Duration.ofMillis(400)).budget(Duration.ofMillis(1150)).build())
        .atLeast(780));
    faults.add(fault("400 bad request", s -> s.json(400, "{\"name\":[\"required\"]}").json(200, OK),
        Expect.fails(BadRequestException.class, 1), Expect.fails(BadRequestException.class, 1)));
    faults.add(fault("401 unauthorized", s -> s.json(401, "{\"detail\":\"Invalid token.\"}").json(200, OK),
        Expect.fails(AuthenticationException.class, 1), Expect.fails(AuthenticationException.class, 1)));
    faults.add(fault("403 forbidden", s -> s.json(403, "{\"detail\":\"no\"}").json(200, OK),
        Expect.fails(PermissionException.class, 1), Expect.fails(PermissionException.class, 1)));
    faults.add(fault("404 not found", s -> s.json(404, "{\"detail\":\"Not found.\"}").json(200, OK),
        Expect.fails(NotFoundException.class, 1), Expect.fails(NotFoundException.class, 1)));
    faults.add(fault("409 conflict", s -> s.json(409, "{\"error\":\"exists\"}").json(200, OK),
        Expect.fails(ConflictException.class, 1), Expect.fails(ConflictException.class, 1)));
    faults.add(fault("422 unprocessable", s -> s.json(422, "{\"errors\":[{\"detail\":\"bad\"}]}").json(200, OK),
        Expect.fails(UnprocessableEntityException.class, 1), Expect.fails(UnprocessableEntityException.class, 1)));
    faults.add(fault("HTML error page from a gateway",
        s -> {
          for (int i = 0; i < 3; i++) {
            s.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                .body("<html><body><h1>502 Bad Gateway</h1></body></html>"));
          }
        },
        Expect.fails(ServerException.class, 3), Expect.fails(ServerException.class, 1)).also((m, o) ->
            assertTrue(((Throwable) o).getMessage().endsWith(": non-JSON error page"), String.valueOf(o))));
    faults.add(fault("HTML page with status 200",
        s -> s.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
            .body("<html><body>Please log in</body></html>")),
        Expect.fails(DecodeException.class, 1), Expect.fails(DecodeException.class, 1)));
    faults.add(fault("empty 200 body", s -> s.json(200, ""),
        Expect.fails(DecodeException.class, 1), Expect.fails(DecodeException.class, 1)).also((m, o) ->
            assertTrue(((Throwable) o).getMessage().startsWith("empty response body"), String.valueOf(o))));
    faults.add(fault("wrong content type",
        s -> s.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain").body(OK)),
        Expect.fails(DecodeException.class, 1), Expect.fails(DecodeException.class, 1)).also((m, o) ->
            assertTrue(((Throwable) o).getMessage().contains("but got text/plain"), String.valueOf(o))));
    faults.add(fault("oversized body with Content-Length", s -> s.json(200, bigJson(20_000)),
        Expect.fails(DecodeException.class, 1), Expect.fails(DecodeException.class, 1)).also((m, o) ->
            assertTrue(((Throwable) o).getMessage().contains("over the 8192-byte limit"), String.valueOf(o))));
    faults.add(fault("oversized chunked body",
        s -> s.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .chunkedBody(bigJson(20_000), 1024)),
        Expect.fails(DecodeException.class, 1), Expect.fails(DecodeException.class, 1)).also((m, o) ->
            assertTrue(((Throwable) o).getMessage().contains("over the 8192-byte limit"), String.valueOf(o))));

    List<Arguments> cases = new ArrayList<>();
    for (Fault f : faults) {
      cases.add(Arguments.of(f, "GET"));
      cases.add(Arguments.of(f, "POST"));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("matrix")
  void eachFaultEndsInTheExpectedOutcomeWithinBudgetWithoutDuplicatePostOrLeakedConnection(Fault fault, String method)
      throws IOException {
    OkHttpClient base = new OkHttpClient();
    ConnectionPool pool = base.connectionPool();
    Expect expect = method.equals("GET") ? fault.get() : fault.post();
    try (SecretGuard guard = SecretGuard.start(); MockServer server = new MockServer()) {
      fault.serve().accept(server);
      String baseUrl = fault.refused() ? "http://127.0.0.1:" + closedPort() + "/api/" : server.baseUrl();
      Object outcome;
      long start = System.nanoTime();
      try (TestClient client = TestClient.builder().apiKey(SecretGuard.API_KEY).accountToken(SecretGuard.ACCOUNT_TOKEN)
          .baseUrl(baseUrl).httpClient(base).readTimeout(READ_TIMEOUT).maxResponseBytes(MAX_BODY)
          .retryPolicy(fault.policy()).logger(guard.logger()).build()) {
        try {
          outcome = method.equals("GET")
              ? client.api.get("1").execute()
              : client.api.create(TestApi.Thing.named("new")).execute();
        } catch (RuntimeException e) {
          outcome = e;
        }
        guard.check(client.runtime).check(outcome);
      }
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      String context = fault + " / " + method + ": " + outcome + "\n" + String.join("\n", guard.httpLog());

      if (expect.error() == null) {
        assertTrue(outcome instanceof TestApi.Thing, context);
        assertTrue(List.of("ok", "big").contains(((TestApi.Thing) outcome).id), context);
      } else {
        assertEquals(expect.error(), outcome.getClass(), context);
        fault.extra().accept(method, outcome);
      }
      assertEquals(expect.attempts(), guard.attempts(), "attempts; " + context);
      if (!fault.refused()) {
        assertEquals(expect.attempts(), server.requestCount(), "requests the server saw; " + context);
      }
      if (method.equals("POST")) {
        assertTrue(server.requestCount() <= 1, "an unsafe POST reached the server at most once; " + context);
      }
      // Attempts are cut at the budget, so only scheduling jitter may come on top.
      long bound = fault.policy().budget().toMillis() + 300;
      assertTrue(elapsedMs <= bound, "took " + elapsedMs + " ms, budget " + bound + " ms; " + context);
      if (method.equals("GET") && expect.attempts() > 1) {
        assertTrue(elapsedMs >= fault.minGetMillis(), "retried after only " + elapsedMs + " ms; " + context);
      }
      assertEquals(0, pool.connectionCount() - pool.idleConnectionCount(), "connections left in use; " + context);
    } finally {
      pool.evictAll();
      base.dispatcher().executorService().shutdown();
    }
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
