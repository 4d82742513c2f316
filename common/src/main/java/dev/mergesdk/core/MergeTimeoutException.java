package dev.mergesdk.core;

/** A connect, read or overall call timeout expired before the response was complete. */
public class MergeTimeoutException extends NetworkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message and the failure that caused it.
   *
   * @param message what failed, free of secrets
   * @param cause the underlying exception
   */
  public MergeTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
