package dev.mergesdk.core;

import java.util.List;
import java.util.Map;

/** The request was invalid (HTTP 400); do not retry it unchanged. */
public class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(String message, int statusCode, Map<String, List<String>> headers, String body) {
    super(message, statusCode, headers, body);
  }
}
