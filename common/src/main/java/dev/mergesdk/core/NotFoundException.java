package dev.mergesdk.core;

import java.util.List;
import java.util.Map;

/** The resource does not exist, or belongs to another environment (HTTP 404). */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message, int statusCode, Map<String, List<String>> headers, String body) {
    super(message, statusCode, headers, body);
  }
}
