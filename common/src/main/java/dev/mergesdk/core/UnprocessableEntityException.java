package dev.mergesdk.core;

import java.util.List;
import java.util.Map;

/** The request was well-formed but semantically invalid (HTTP 422). */
public class UnprocessableEntityException extends ApiException {
  private static final long serialVersionUID = 1L;

  public UnprocessableEntityException(String message, int statusCode, Map<String, List<String>> headers, String body) {
    super(message, statusCode, headers, body);
  }
}
