package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class RequestOptionsTest {

  @Test
  void perRequestAccountTokenAndHeadersReplaceTheClientDefaultsForThatCallOnly() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, "{}").json(200, "{}");
      RequestOptions options = RequestOptions.builder().accountToken("other-account").header("X-Trace", "t-1").build();
      client.api.get("1").with(options).execute();
      client.api.get("1").execute();
      RecordedRequest first = server.take();
      assertEquals("other-account", first.getHeaders().get("X-Account-Token"));
      assertEquals("t-1", first.getHeaders().get("X-Trace"));
      RecordedRequest second = server.take();
      assertEquals(MockServer.ACCOUNT_TOKEN, second.getHeaders().get("X-Account-Token"));
      assertEquals(null, second.getHeaders().get("X-Trace"));
    }
  }

  @Test
  void perRequestRetryPolicyOverridesTheClients() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(503, "{}").json(200, "{}");
      assertThrows(ServerException.class,
          () -> client.api.get("1").with(RequestOptions.builder().retryPolicy(RetryPolicy.none()).build()).execute());
      assertEquals(1, server.requestCount());
    }
  }

  @Test
  void perRequestTimeoutBoundsTheWholeCall() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(3, TimeUnit.SECONDS));
      long start = System.nanoTime();
      assertThrows(MergeTimeoutException.class,
          () -> client.api.get("1").with(RequestOptions.builder().timeout(Duration.ofMillis(300)).build()).execute());
      assertTrue((System.nanoTime() - start) / 1_000_000 < 2_500);
    }
  }

  @Test
  void optionsValidateTheirArguments() {
    assertEquals("accountToken must not be blank",
        assertThrows(IllegalArgumentException.class, () -> RequestOptions.builder().accountToken(" ")).getMessage());
    assertEquals("idempotencyKey must not contain line breaks or control characters",
        assertThrows(IllegalArgumentException.class, () -> RequestOptions.builder().idempotencyKey("a\nb")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> RequestOptions.builder().idempotencyKey("k".repeat(256)));
    assertThrows(IllegalArgumentException.class, () -> RequestOptions.builder().timeout(Duration.ofSeconds(-1)));
    assertThrows(NullPointerException.class, () -> new MockServer().client().api.get("1").with(null));
  }

  @Test
  void rawAccessExposesStatusHeadersAndRequestId() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(201, "{\"id\":\"n\"}", okhttp3.Headers.of("X-Request-Id", "abc", "X-Custom", "v"));
      ApiResponse<TestApi.Thing> response = client.api.create(TestApi.Thing.named("n")).executeRaw();
      assertEquals(201, response.statusCode());
      assertEquals("abc", response.requestId().orElseThrow());
      assertEquals("v", response.header("x-custom").orElseThrow());
      assertEquals("n", response.body().id);
    }
  }

  @Test
  void asyncCallsCompleteWithTheModelOrTheTypedException() throws Exception {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, "{\"id\":\"async\"}").json(404, "{\"detail\":\"gone\"}");
      assertEquals("async", client.api.get("1").executeAsync().get(5, TimeUnit.SECONDS).id);
      java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
          () -> client.api.get("2").executeAsync().get(5, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof NotFoundException, String.valueOf(e.getCause()));
    }
  }

  @Test
  void aVoidOperationIgnoresAnyBodyAndAccepts200Or204() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, "{\"deleted\":true}").enqueue(new MockResponse.Builder().code(204));
      assertEquals(null, client.api.delete("1").execute());
      assertEquals(204, client.api.delete("1").executeRaw().statusCode());
    }
  }
}
