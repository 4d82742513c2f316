package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Whatever the server or the caller's environment does, a call ends in its value or a {@link MergeException}, and
 * its connection is released: malformed framing, an interrupted caller, a logger that throws, an empty answer
 * where a model is declared.
 */
class EveryFailureIsTypedTest {
  private final ConnectionPool pool = new ConnectionPool();
  private final OkHttpClient http = new OkHttpClient.Builder().connectionPool(pool).build();

  private TestClient client(String baseUrl) {
    return TestClient.builder().apiKey(MockServer.API_KEY).baseUrl(baseUrl).httpClient(http)
        .retryPolicy(RetryPolicy.none()).build();
  }

  private void assertNoConnectionInUse() {
    assertEquals(0, pool.connectionCount() - pool.idleConnectionCount(), "a connection was left in use");
  }

  @Test
  void aNegativeContentLengthIsANetworkFailureAndTheConnectionIsClosed() throws Exception {
    try (HostileServer server = new HostileServer((request, out) -> HostileServer.write(out,
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n{}"));
        TestClient client = client(server.url("/api/"))) {
      java.util.List<Throwable> escaped = new java.util.concurrent.CopyOnWriteArrayList<>();
      Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
      Thread.setDefaultUncaughtExceptionHandler((thread, e) -> escaped.add(e));
      try {
        runNegativeLength(client, server);
      } finally {
        Thread.setDefaultUncaughtExceptionHandler(previous);
      }
      assertEquals(java.util.List.of(), escaped, "nothing escapes on a dispatcher thread");
    }
  }

  private void runNegativeLength(TestClient client, HostileServer server) throws Exception {
    {
      MergeException sync = assertThrows(MergeException.class, () -> client.api.get("1").execute());
      assertTrue(sync instanceof NetworkException || sync instanceof DecodeException, sync.toString());
      ExecutionException async = assertThrows(ExecutionException.class,
          () -> client.api.get("1").executeAsync().get(10, TimeUnit.SECONDS));
      assertInstanceOf(MergeException.class, async.getCause());
      assertTrue(server.awaitClientClose(10), "the client never closed the connection");
      assertNoConnectionInUse();
    }
  }

  @Test
  void anInterruptedCallerGetsATypedFailureAndKeepsItsInterruptFlag() {
    try (MockServer server = new MockServer(); TestClient client = client(server.baseUrl())) {
      server.json(200, "{\"id\":\"1\"}");
      Thread.currentThread().interrupt();
      try {
        assertThrows(MergeException.class, () -> client.api.get("1").execute());
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag was cleared");
      } finally {
        Thread.interrupted();
      }
    }
  }

  @Test
  void aLoggerThatThrowsDoesNotBreakTheCallNorLeakItsConnection() {
    try (MockServer server = new MockServer();
        TestClient client = TestClient.builder().apiKey(MockServer.API_KEY).baseUrl(server.baseUrl()).httpClient(http)
            .logger(line -> {
              throw new IllegalStateException("logging backend down");
            }).build()) {
      server.json(200, "{\"id\":\"1\"}").json(500, "{}");
      assertEquals("1", client.api.get("1").execute().id);
      assertThrows(ServerException.class, () -> client.api.get("1").with(
          RequestOptions.builder().retryPolicy(RetryPolicy.none()).build()).execute());
      assertNoConnectionInUse();
    }
  }

  @Test
  void noContentWhereAModelIsDeclaredIsADecodeExceptionNeverNull() {
    try (MockServer server = new MockServer(); TestClient client = client(server.baseUrl())) {
      server.enqueue(new mockwebserver3.MockResponse.Builder().code(204));
      DecodeException e = assertThrows(DecodeException.class, () -> client.api.get("1").execute());
      assertTrue(e.getMessage().contains("204"), e.getMessage());
      assertEquals(204, e.statusCode());
    }
  }

  @Test
  void anOperationTheSpecAllowsToAnswerEmptyReturnsAnEmptyOptional() {
    try (MockServer server = new MockServer(); TestClient client = client(server.baseUrl())) {
      server.enqueue(new mockwebserver3.MockResponse.Builder().code(204));
      server.json(200, "{\"id\":\"gone\"}");
      assertFalse(client.api.remove("1").execute().isPresent());
      assertEquals("gone", client.api.remove("1").execute().orElseThrow().id);
    }
  }

  @Test
  void anIntegerBeyondItsTypeIsNeverASilentlyClampedValue() {
    try (MockServer server = new MockServer(); TestClient strict = server.clientBuilder().strictDecoding(true).build();
        TestClient tolerant = server.client()) {
      server.json(200, "{\"id\":\"1\",\"size\":9223372036854775808}");
      server.json(200, "{\"id\":\"1\",\"size\":9223372036854775807}");
      server.json(200, "{\"id\":\"1\",\"size\":1.5}");
      server.json(200, "{\"id\":\"1\",\"size\":9223372036854775808}");
      DecodeException e = assertThrows(DecodeException.class, () -> strict.api.get("1").execute());
      assertTrue(e.getMessage().contains("9223372036854775808"), e.getMessage());
      assertEquals(Long.MAX_VALUE, strict.api.get("1").execute().size);
      assertThrows(DecodeException.class, () -> strict.api.get("1").execute());
      TestApi.Thing thing = tolerant.api.get("1").execute();
      assertEquals(null, thing.size, "left unset, not clamped");
      assertEquals("9223372036854775808", thing.unknownFields().get("size").getAsString());
    }
  }
}
