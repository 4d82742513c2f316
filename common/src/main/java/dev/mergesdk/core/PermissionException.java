package dev.mergesdk.core;

import java.util.List;
import java.util.Map;

/** Authenticated, but not allowed to do this (HTTP 403). */
public class PermissionException extends ApiException {
  private static final long serialVersionUID = 1L;

  public PermissionException(String message, int statusCode, Map<String, List<String>> headers, String body) {
    super(message, statusCode, headers, body);
  }
}
