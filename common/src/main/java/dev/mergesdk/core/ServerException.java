package dev.mergesdk.core;

import java.util.List;
import java.util.Map;

/** The server failed to handle the request (HTTP 5xx); retrying may succeed. */
public class ServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ServerException(String message, int statusCode, Map<String, List<String>> headers, String body) {
    super(message, statusCode, headers, body);
  }
}
