package dev.mergesdk.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Too many requests (HTTP 429). Carries the server's {@code Retry-After}, when it sent one. */
public class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;
  /** The wait the server asked for, or null. */
  private final Duration retryAfter;

  /**
   * Creates the exception; the SDK does this when a response arrives with an error status.
   *
   * @param message a summary naming the request, status, error and request id, free of secrets
   * @param statusCode the HTTP status
   * @param headers the response headers, names lower-cased
   * @param body the raw response body
   * @param retryAfter the wait the server asked for, or null
   */
  public RateLimitException(String message, int statusCode, Map<String, List<String>> headers, String body,
      Duration retryAfter) {
    super(message, statusCode, headers, body);
    this.retryAfter = retryAfter;
  }

  /** {@return how long the server asked to wait before retrying} */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
