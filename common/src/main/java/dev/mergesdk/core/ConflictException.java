package dev.mergesdk.core;

import java.util.List;
import java.util.Map;

/** The request conflicts with the current state of the resource (HTTP 409). */
public class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message, int statusCode, Map<String, List<String>> headers, String body) {
    super(message, statusCode, headers, body);
  }
}
