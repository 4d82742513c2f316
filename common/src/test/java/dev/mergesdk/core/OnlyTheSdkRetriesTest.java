package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code maxAttempts} counts requests on the wire: nothing below the SDK (OkHttp's follow-ups on 503
 * {@code Retry-After: 0}, on 401 with an authenticator, its retry on connection failure) sends a request again, and
 * an unsafe write that reached the server is never repeated.
 */
class OnlyTheSdkRetriesTest {
  @TempDir
  Path dir;

  private static MockResponse.Builder unavailable(String retryAfter) {
    return new MockResponse.Builder().code(503).addHeader("Retry-After", retryAfter)
        .addHeader("Content-Type", "application/json").body("{\"error\":\"busy\"}");
  }

  @Test
  void aPostAnswered503WithRetryAfterZeroReachesTheServerOnce() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      for (int i = 0; i < 6; i++) {
        server.enqueue(unavailable("0"));
      }
      ServerException e = assertThrows(ServerException.class, () -> client.api.create(TestApi.Thing.named("x")).execute());
      assertEquals(503, e.statusCode());
      assertEquals("0", e.headers().get("retry-after").get(0), "the caller still sees the server's Retry-After");
      assertEquals(1, server.requestCount());
    }
  }

  @Test
  void maxAttemptsIsTheNumberOfRequestsOnTheWire() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      for (int i = 0; i < 10; i++) {
        server.enqueue(unavailable("0"));
      }
      assertThrows(ServerException.class, () -> client.api.get("1").execute());
      assertEquals(3, server.requestCount(), "GET with maxAttempts(3)");
      RequestOptions keyed = RequestOptions.builder().idempotencyKey("key-1").build();
      assertThrows(ServerException.class, () -> client.api.create(TestApi.Thing.named("x")).with(keyed).execute());
      assertEquals(6, server.requestCount(), "POST with an Idempotency-Key, maxAttempts(3)");
    }
  }

  @Test
  void aRetryAfterBeyondIntegerRangeIsAnsweredNotThrownSyncOrAsync() throws InterruptedException {
    RetryPolicy shortBudget = MockServer.fastRetries(3).toBuilder().budget(java.time.Duration.ofSeconds(5)).build();
    try (MockServer server = new MockServer(); TestClient client = server.clientBuilder().retryPolicy(shortBudget).build()) {
      server.enqueue(unavailable("99999999999999999999"));
      server.enqueue(unavailable("99999999999999999999"));
      ServerException sync = assertThrows(ServerException.class, () -> client.api.get("1").execute());
      assertEquals(503, sync.statusCode());
      ExecutionException async = assertThrows(ExecutionException.class,
          () -> client.api.get("1").executeAsync().get(10, TimeUnit.SECONDS));
      assertInstanceOf(ServerException.class, async.getCause());
      assertEquals(2, server.requestCount(), "a wait (clamped to 60 s) beyond the 5 s budget is not waited, nor retried");
    }
  }

  @Test
  void anAuthenticatorOnTheCallersClientNeverResendsARequest() {
    OkHttpClient withAuthenticator = new OkHttpClient.Builder()
        .authenticator((route, response) -> response.request().newBuilder().header("Authorization", "Bearer other").build())
        .build();
    try (MockServer server = new MockServer();
        TestClient client = server.clientBuilder().httpClient(withAuthenticator).build()) {
      server.json(401, "{\"detail\":\"no\"}").json(200, "{\"id\":\"1\"}");
      assertThrows(AuthenticationException.class, () -> client.api.create(TestApi.Thing.named("x")).execute());
      assertEquals(1, server.requestCount());
    }
  }

  @Test
  void anOperationTheSpecMarksUnrepeatableIsNotRetriedOnceItReachedTheServer() throws Exception {
    Path file = Files.write(dir.resolve("upload.bin"), new byte[] {1, 2, 3});
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.enqueue(unavailable("0"));
      assertThrows(ServerException.class, () -> client.api.uploadOnce("res-1", Upload.fromPath(file)).execute());
      assertEquals(1, server.requestCount(), "a PUT to a one-shot reservation is sent once");

      server.server.enqueue(new MockResponse.Builder().code(503).build());
      server.json(200, "{}");
      client.api.upload("tok", Upload.fromPath(file)).execute();
      assertEquals(3, server.requestCount(), "an ordinary PUT of a file is retried");
    }
  }
}
