package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class CallerHttpClientTest {

  @Test
  void aCallerSuppliedClientKeepsItsInterceptorsAndStillGetsAuthUserAgentAndRetries() {
    AtomicInteger seen = new AtomicInteger();
    OkHttpClient callers = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          seen.incrementAndGet();
          return chain.proceed(chain.request().newBuilder().header("X-Corp-Proxy", "on").build());
        }).build();
    try (MockServer server = new MockServer(); TestClient client = server.clientBuilder().httpClient(callers).build()) {
      server.json(503, "{}").json(200, "{\"id\":\"ok\"}");
      assertEquals("ok", client.api.get("1").execute().id);
      assertEquals(2, server.requestCount(), "the SDK's retry still applies");
      server.take();
      RecordedRequest request = server.take();
      assertEquals("on", request.getHeaders().get("X-Corp-Proxy"));
      assertEquals("Bearer " + MockServer.API_KEY, request.getHeaders().get("Authorization"));
      assertTrue(request.getHeaders().get("User-Agent").startsWith("merge-sdk-java/"));
      assertEquals(1, seen.get());
    }
    assertFalse(callers.dispatcher().executorService().isShutdown(), "closing the SDK client leaves the caller's running");
  }

  @Test
  void aCallersInterceptorStillReadsTheBodyTheSdkHasDecoded() {
    AtomicReference<String> logged = new AtomicReference<>();
    OkHttpClient callers = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          Response response = chain.proceed(chain.request());
          logged.set(response.peekBody(1024).string());
          return response;
        }).build();
    try (MockServer server = new MockServer(); TestClient client = server.clientBuilder().httpClient(callers).build()) {
      server.json(200, "{\"id\":\"ok\"}");
      assertEquals("ok", client.api.get("1").execute().id);
      server.take();
      assertEquals("{\"id\":\"ok\"}", logged.get(), "the body logger outside the SDK sees every byte");
    }
  }
}
