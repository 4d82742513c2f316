package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorsTest {

  @ParameterizedTest
  @CsvSource({
      "400, dev.mergesdk.core.BadRequestException",
      "401, dev.mergesdk.core.AuthenticationException",
      "403, dev.mergesdk.core.PermissionException",
      "404, dev.mergesdk.core.NotFoundException",
      "409, dev.mergesdk.core.ConflictException",
      "422, dev.mergesdk.core.UnprocessableEntityException",
      "429, dev.mergesdk.core.RateLimitException",
      "500, dev.mergesdk.core.ServerException",
      "503, dev.mergesdk.core.ServerException",
      "418, dev.mergesdk.core.ApiException"})
  void eachErrorStatusBecomesItsTypedExceptionCarryingStatusBodyAndRequestId(int status, String type) throws Exception {
    try (MockServer server = new MockServer();
        TestClient client = server.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
      String body = "{\"detail\":\"went wrong\"}";
      server.json(status, body, Headers.of("X-Request-Id", "req-42"));
      ApiException e = assertThrows(ApiException.class, () -> client.api.get("1").execute());
      assertEquals(Class.forName(type), e.getClass());
      assertEquals(status, e.statusCode());
      assertEquals(body, e.body());
      assertEquals("req-42", e.requestId().orElseThrow());
      assertEquals("went wrong", e.error().message().orElseThrow());
      assertTrue(e.getMessage().startsWith("HTTP " + status + " from GET http://"), e.getMessage());
      assertTrue(e.getMessage().endsWith(": went wrong (request id req-42)"), e.getMessage());
    }
  }

  @Test
  void rateLimitExceptionCarriesRetryAfter() {
    try (MockServer server = new MockServer();
        TestClient client = server.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
      server.json(429, "{\"detail\":\"Request was throttled.\"}", Headers.of("Retry-After", "60"));
      RateLimitException e = assertThrows(RateLimitException.class, () -> client.api.get("1").execute());
      assertEquals(Duration.ofSeconds(60), e.retryAfter().orElseThrow());
      assertTrue(e.isRetryable());
    }
  }

  @Test
  void errorBodiesOfEveryDocumentedShapeAreParsed() {
    ErrorDetail envelope = ErrorDetail.parse("{\"error\":{\"type\":\"validation_error\",\"code\":\"origin_user_id_required\","
        + "\"message\":\"origin_user_id is required\",\"documentation_url\":\"https://docs\"}}");
    assertEquals("origin_user_id_required", envelope.code().orElseThrow());
    assertEquals("validation_error", envelope.type().orElseThrow());
    assertEquals("origin_user_id is required", envelope.message().orElseThrow());
    assertEquals("organization_already_claimed", ErrorDetail.parse("{\"error\":\"organization_already_claimed\"}").code().orElseThrow());
    assertEquals("name: This field is required.", ErrorDetail.parse("{\"name\":[\"This field is required.\"]}").message().orElseThrow());
    ErrorDetail writeErrors = ErrorDetail.parse("{\"errors\":[{\"title\":\"Missing\",\"detail\":\"folder is required\",\"error_code\":\"E1\"}]}");
    assertEquals("folder is required", writeErrors.message().orElseThrow());
    assertFalse(ErrorDetail.parse("<html><body>502 Bad Gateway</body></html>").message().isPresent());
    assertFalse(ErrorDetail.parse("").json().isPresent());
  }

  @Test
  void anHtmlErrorPageBecomesAServerExceptionWithTheRawBody() {
    try (MockServer server = new MockServer();
        TestClient client = server.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
      server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
          .body("<html><body>Bad gateway</body></html>"));
      ServerException e = assertThrows(ServerException.class, () -> client.api.get("1").execute());
      assertEquals("<html><body>Bad gateway</body></html>", e.body());
      assertTrue(e.getMessage().endsWith(": non-JSON error page"), e.getMessage());
    }
  }

  @Test
  void aRefusedConnectionIsANetworkException() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (TestClient client = TestClient.builder().apiKey("k").baseUrl("http://127.0.0.1:" + port + "/")
        .retryPolicy(RetryPolicy.none()).build()) {
      NetworkException e = assertThrows(NetworkException.class, () -> client.api.get("1").execute());
      assertTrue(e.getMessage().startsWith("network failure: GET http://127.0.0.1:" + port + "/things/1"), e.getMessage());
    }
  }

  @Test
  void aSlowResponseIsATimeoutException() {
    try (MockServer server = new MockServer();
        TestClient client = server.clientBuilder().retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofMillis(200)).build()) {
      server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(2, TimeUnit.SECONDS));
      MergeTimeoutException e = assertThrows(MergeTimeoutException.class, () -> client.api.get("1").execute());
      assertInstanceOf(NetworkException.class, e);
    }
  }

  @Test
  void anUndecodableBodyIsADecodeExceptionWithASnippet() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, "{\"id\": \"1\", \"name\": [truncated");
      DecodeException e = assertThrows(DecodeException.class, () -> client.api.get("1").execute());
      assertEquals(200, e.statusCode());
      assertTrue(e.bodySnippet().startsWith("{\"id\": \"1\""), e.bodySnippet());
      assertTrue(e.getMessage().startsWith("cannot decode Thing from GET"), e.getMessage());
    }
  }

  @Test
  void anEmptyOrNonJsonSuccessBodyIsADecodeException() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, "");
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body("<html>hi</html>"));
      assertTrue(assertThrows(DecodeException.class, () -> client.api.get("1").execute()).getMessage().startsWith("empty response body"));
      assertTrue(assertThrows(DecodeException.class, () -> client.api.get("1").execute()).getMessage().contains("but got text/html"));
    }
  }

  @Test
  void anOversizedBodyIsRefusedWithoutReadingItAll() {
    try (MockServer server = new MockServer(); TestClient client = server.clientBuilder().maxResponseBytes(4096).build()) {
      server.json(200, "{\"name\":\"" + "x".repeat(10_000) + "\"}");
      DecodeException e = assertThrows(DecodeException.class, () -> client.api.get("1").execute());
      assertTrue(e.getMessage().contains("over the 4096-byte limit"), e.getMessage());
    }
  }

  @Test
  void anOversizedChunkedBodyIsADecodeExceptionLikeADeclaredOne() {
    try (MockServer server = new MockServer(); TestClient client = server.clientBuilder().maxResponseBytes(4096).build()) {
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .chunkedBody("{\"name\":\"" + "x".repeat(10_000) + "\"}", 1024));
      DecodeException e = assertThrows(DecodeException.class, () -> client.api.get("1").execute());
      assertTrue(e.getMessage().contains("over the 4096-byte limit"), e.getMessage());
      assertEquals(1, server.requestCount());
    }
  }

  @Test
  void aBodyCutMidwayIsANetworkFailureNotATruncatedModel() {
    try (MockServer server = new MockServer();
        TestClient client = server.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{\"id\":\"1\",\"name\":\"" + "y".repeat(50_000) + "\"}")
          .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE));
      assertThrows(MergeException.class, () -> client.api.get("1").execute());
    }
  }
}
