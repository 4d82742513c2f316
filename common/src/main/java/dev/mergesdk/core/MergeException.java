package dev.mergesdk.core;

/**
 * The root of every exception the SDK throws for a failed call. Unchecked. Messages never contain API keys or
 * account tokens.
 */
public class MergeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MergeException(String message) {
    super(message);
  }

  public MergeException(String message, Throwable cause) {
    super(message, cause);
  }
}
