package dev.mergesdk.core;

import java.util.List;
import java.util.Map;

/** The API key or account token is missing or invalid (HTTP 401). */
public class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message, int statusCode, Map<String, List<String>> headers, String body) {
    super(message, statusCode, headers, body);
  }
}
