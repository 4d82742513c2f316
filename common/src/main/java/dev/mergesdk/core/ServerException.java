package dev.mergesdk.core;

import java.util.List;
import java.util.Map;

/** The server failed to handle the request (HTTP 5xx); retrying may succeed. */
public class ServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the SDK does this when a response arrives with an error status.
   *
   * @param message a summary naming the request, status, error and request id, free of secrets
   * @param statusCode the HTTP status
   * @param headers the response headers, names lower-cased
   * @param body the raw response body
   */
  public ServerException(String message, int statusCode, Map<String, List<String>> headers, String body) {
    super(message, statusCode, headers, body);
  }
}
