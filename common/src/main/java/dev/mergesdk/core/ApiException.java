package dev.mergesdk.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API answered with an error status. Carries the status, headers, request id, raw body and the parsed error
 * detail. Subclasses name the common statuses so callers can catch exactly what they handle.
 */
public class ApiException extends MergeException {
  private static final long serialVersionUID = 1L;
  /** The HTTP status. */
  private final int statusCode;
  private final transient Map<String, List<String>> headers;
  /** The raw response body. */
  private final String body;
  private final transient ErrorDetail error;

  /**
   * Creates the exception; the SDK does this when a response arrives with an error status.
   *
   * @param message a summary naming the request, status, error and request id, free of secrets
   * @param statusCode the HTTP status
   * @param headers the response headers, names lower-cased
   * @param body the raw response body
   */
  public ApiException(String message, int statusCode, Map<String, List<String>> headers, String body) {
    super(message);
    this.statusCode = statusCode;
    this.headers = headers;
    this.body = body;
    this.error = ErrorDetail.parse(body);
  }

  /** {@return the HTTP status code} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return the response headers, names lower-cased} */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** {@return the request id the server assigned, when it sent one} */
  public Optional<String> requestId() {
    return Optional.ofNullable(HttpHeaders.requestId(headers));
  }

  /** {@return the raw response body (possibly truncated for very large bodies); never null} */
  public String body() {
    return body;
  }

  /** {@return the error detail parsed from the body, whichever shape the API used} */
  public ErrorDetail error() {
    return error;
  }

  /** {@return whether retrying the same request later may succeed} */
  public boolean isRetryable() {
    return statusCode == 408 || statusCode == 429 || statusCode >= 500;
  }
}
