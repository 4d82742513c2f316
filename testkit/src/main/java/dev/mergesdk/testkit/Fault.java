package dev.mergesdk.testkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * A failure to inject, for testing retries, timeouts and error handling: {@link MergeMock#injectFault} applies it
 * to the next request, {@link Stub#fault} to a call of one operation. Faulty responses are not checked against the
 * spec (they are off the happy path on purpose); the requests still are.
 */
public final class Fault {
  private final String description;
  private final UnaryOperator<MockResponse> apply;

  private Fault(String description, UnaryOperator<MockResponse> apply) {
    this.description = description;
    this.apply = apply;
  }

  /**
   * @param retryAfter the {@code Retry-After} to send, in whole seconds
   * @return a {@code 429 Too Many Requests} with {@code Retry-After}
   */
  public static Fault rateLimited(Duration retryAfter) {
    long seconds = Math.max(0, retryAfter.getSeconds());
    return new Fault("429 Retry-After: " + seconds, normal -> new MockResponse.Builder()
        .code(429)
        .addHeader("Content-Type", "application/json")
        .addHeader("Retry-After", Long.toString(seconds))
        .body("{\"detail\":\"Request was throttled (merge-sdk-testkit fault).\"}")
        .build());
  }

  /**
   * @param status an error status, typically 500, 502, 503 or 504
   * @return that status with a JSON error body
   */
  public static Fault status(int status) {
    return new Fault("status " + status, normal -> new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json")
        .body("{\"detail\":\"Injected failure (merge-sdk-testkit fault).\"}")
        .build());
  }

  /** {@return a {@code 500 Internal Server Error}} */
  public static Fault serverError() {
    return status(500);
  }

  /**
   * @param delay how long to wait before sending the response headers
   * @return the normal response, late (for read and call timeouts)
   */
  public static Fault slowHeaders(Duration delay) {
    return new Fault("headers delayed " + delay.toMillis() + " ms", normal -> new MockResponse.Builder(normal)
        .headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS)
        .build());
  }

  /** {@return the normal response's status and headers, then part of the body, then the connection closes} */
  public static Fault disconnectMidBody() {
    return new Fault("disconnect mid-body", normal -> {
      MockResponse.Builder b = new MockResponse.Builder(normal);
      if (normal.getBody() == null || normal.getBody().getContentLength() < 2) {
        b.body("{\"padding\":\"so there is a middle to cut the body at\"}");
      }
      return b.onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
    });
  }

  /** {@return no response at all: the connection closes once the request is read} */
  public static Fault disconnectBeforeResponse() {
    return new Fault("disconnect before the response", normal -> new MockResponse.Builder(normal)
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
        .build());
  }

  MockResponse apply(MockResponse normal) {
    return apply.apply(normal);
  }

  @Override
  public String toString() {
    return "Fault(" + description + ")";
  }
}
