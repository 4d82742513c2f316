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
  /** Parsed from the body; replaced once by the SDK with the detail parsed from the scrubbed body. */
  private transient ErrorDetail error;

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

  /**
   * {@return the raw response body as the server sent it (possibly truncated for very large bodies); never null}
   * Unlike the message it is not scrubbed: a gateway that echoes the request may have put credentials in it.
   */
  public String body() {
    return body;
  }

  void detail(ErrorDetail scrubbed) {
    this.error = scrubbed;
  }

  /**
   * {@return the error detail parsed from the body, whichever shape the API used} When the SDK raised the
   * exception, it is free of the call's secrets, unlike {@link #body()}.
   */
  public ErrorDetail error() {
    return error;
  }

  /** {@return whether the default retry policy retries this status: the same request may succeed later} */
  public boolean isRetryable() {
    return RetryPolicy.defaults().retryableStatuses().contains(statusCode);
  }
}
