package dev.mergesdk.core;

/**
 * The root of every exception the SDK throws for a failed call. Unchecked. Messages never contain API keys or
 * account tokens.
 */
public class MergeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message.
   *
   * @param message what failed, free of secrets
   */
  public MergeException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a message and the failure that caused it.
   *
   * @param message what failed, free of secrets
   * @param cause the underlying exception
   */
  public MergeException(String message, Throwable cause) {
    super(message, cause);
  }
}
