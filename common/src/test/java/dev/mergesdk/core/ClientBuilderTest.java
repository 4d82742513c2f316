package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class ClientBuilderTest {

  @Test
  void everyRequestCarriesBearerKeyAccountTokenUserAgentAndDefaultHeaders() {
    try (MockServer server = new MockServer();
        TestClient client = server.clientBuilder().userAgentSuffix("acme-sync/2.1").header("X-Team", "files").build()) {
      server.json(200, "{\"id\":\"1\"}").json(200, "{\"id\":\"2\"}");
      client.api.get("1").execute();
      client.api.create(TestApi.Thing.named("n")).execute();
      for (int i = 0; i < 2; i++) {
        RecordedRequest request = server.take();
        assertEquals("Bearer " + MockServer.API_KEY, request.getHeaders().get("Authorization"));
        assertEquals(MockServer.ACCOUNT_TOKEN, request.getHeaders().get("X-Account-Token"));
        assertEquals("files", request.getHeaders().get("X-Team"));
        String ua = request.getHeaders().get("User-Agent");
        assertTrue(ua.matches("merge-sdk-java/\\d+\\.\\d+\\.\\d+\\S* \\(Java [^;]+; [^)]+\\) acme-sync/2\\.1"), ua);
      }
    }
  }

  @Test
  void clientWithoutAccountTokenSendsNone() {
    try (MockServer server = new MockServer();
        TestClient client = TestClient.builder().apiKey("k").baseUrl(server.baseUrl()).build()) {
      server.json(200, "{}");
      client.api.get("1").execute();
      assertNull(server.take().getHeaders().get("X-Account-Token"));
    }
  }

  @Test
  void missingApiKeyFailsAtBuildNamingTheOption() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestClient.builder().build());
    assertTrue(e.getMessage().startsWith("apiKey is required"), e.getMessage());
  }

  @Test
  void nullBlankOrMultilineArgumentsFailFastNamingTheArgument() {
    assertEquals("apiKey must not be null",
        assertThrows(NullPointerException.class, () -> TestClient.builder().apiKey(null)).getMessage());
    assertEquals("apiKey must not be blank",
        assertThrows(IllegalArgumentException.class, () -> TestClient.builder().apiKey("  ")).getMessage());
    IllegalArgumentException multiline = assertThrows(IllegalArgumentException.class,
        () -> TestClient.builder().apiKey("sk_live\r\nX-Evil: 1"));
    assertEquals("apiKey must not contain line breaks or control characters", multiline.getMessage());
    assertFalse(multiline.getMessage().contains("sk_live"));
    assertThrows(IllegalArgumentException.class, () -> TestClient.builder().header("X-A", "a\nb"));
    assertThrows(IllegalArgumentException.class, () -> TestClient.builder().header("Bad Name", "v"));
    assertThrows(IllegalArgumentException.class, () -> TestClient.builder().readTimeout(Duration.ZERO));
    assertThrows(NullPointerException.class, () -> TestClient.builder().retryPolicy(null));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxAttempts(0));
  }

  @Test
  void toStringOfClientAndOptionsNeverShowsSecrets() {
    try (TestClient client = TestClient.builder().apiKey(MockServer.API_KEY).accountToken(MockServer.ACCOUNT_TOKEN).build()) {
      String text = client.runtime + " " + RequestOptions.builder().accountToken(MockServer.ACCOUNT_TOKEN)
          .header("X-Other", "v").build();
      assertFalse(text.contains(MockServer.API_KEY), text);
      assertFalse(text.contains(MockServer.ACCOUNT_TOKEN), text);
    }
  }

  @Test
  void oneClientIsSafeToShareAcrossThreads() throws Exception {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      int calls = 40;
      for (int i = 0; i < calls; i++) {
        server.json(200, "{\"id\":\"x\"}");
      }
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
      java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
      for (int i = 0; i < calls; i++) {
        results.add(pool.submit(() -> client.api.get("x").execute().id));
      }
      for (java.util.concurrent.Future<String> result : results) {
        assertEquals("x", result.get());
      }
      pool.shutdown();
      assertEquals(calls, server.requestCount());
    }
  }
}
