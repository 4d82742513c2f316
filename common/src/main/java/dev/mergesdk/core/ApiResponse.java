package dev.mergesdk.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;

/**
 * A successful response: the decoded body with its status, headers and request id.
 *
 * @param <T> the decoded model
 */
public final class ApiResponse<T> {
  private final int statusCode;
  private final Headers rawHeaders;
  /** Built on first use: most callers only want the body. */
  private volatile Map<String, List<String>> headers;
  private final T body;

  ApiResponse(int statusCode, Headers headers, T body) {
    this.statusCode = statusCode;
    this.rawHeaders = headers;
    this.body = body;
  }

  ApiResponse(int statusCode, Map<String, List<String>> headers, T body) {
    this.statusCode = statusCode;
    this.rawHeaders = null;
    this.headers = headers;
    this.body = body;
  }

  /** {@return the HTTP status code} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return the response headers, names lower-cased, immutable} */
  public Map<String, List<String>> headers() {
    Map<String, List<String>> map = headers;
    if (map == null) {
      map = HttpHeaders.toMap(rawHeaders);
      headers = map;
    }
    return map;
  }

  /**
   * Looks up a response header.
   *
   * @param name a header name, any case
   * @return the first value of that header
   */
  public Optional<String> header(String name) {
    List<String> values = headers().get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** {@return the request id the server assigned, when it sent one} */
  public Optional<String> requestId() {
    return Optional.ofNullable(HttpHeaders.requestId(headers()));
  }

  /** {@return the decoded body; null for operations without one} */
  public T body() {
    return body;
  }

  @Override
  public String toString() {
    return "ApiResponse{status=" + statusCode + ", requestId=" + requestId().orElse("-") + "}";
  }
}
