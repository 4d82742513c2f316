package dev.mergesdk.core;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/** A MockWebServer with shorthands for the responses these specifications need. */
final class MockServer implements AutoCloseable {
  static final String API_KEY = "sk_live_SECRET_api_key_0123456789";
  static final String ACCOUNT_TOKEN = "acct_SECRET_token_9876543210";
  final MockWebServer server = new MockWebServer();

  MockServer() {
    try {
      server.setServerSocketFactory(NoDelayServerSockets.FACTORY);
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String baseUrl() {
    return server.url("/api/").toString();
  }

  TestClient.Builder clientBuilder() {
    return TestClient.builder().apiKey(API_KEY).accountToken(ACCOUNT_TOKEN).baseUrl(baseUrl())
        .retryPolicy(fastRetries(3));
  }

  TestClient client() {
    return clientBuilder().build();
  }

  static RetryPolicy fastRetries(int attempts) {
    return RetryPolicy.builder().maxAttempts(attempts).initialBackoff(java.time.Duration.ofMillis(5))
        .maxBackoff(java.time.Duration.ofMillis(20)).build();
  }

  MockServer json(int code, String body) {
    return enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body));
  }

  MockServer json(int code, String body, Headers headers) {
    MockResponse.Builder builder = new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body);
    for (int i = 0; i < headers.size(); i++) {
      builder.addHeader(headers.name(i), headers.value(i));
    }
    return enqueue(builder);
  }

  MockServer enqueue(MockResponse.Builder response) {
    server.enqueue(response.build());
    return this;
  }

  RecordedRequest take() {
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("no request arrived within 5 s");
      }
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    server.close();
  }
}
