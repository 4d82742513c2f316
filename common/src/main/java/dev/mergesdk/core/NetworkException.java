package dev.mergesdk.core;

/** The request could not be completed at the network level: connection refused or reset, DNS, TLS, cut body. */
public class NetworkException extends MergeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message and the I/O failure that caused it.
   *
   * @param message what failed, free of secrets
   * @param cause the underlying exception
   */
  public NetworkException(String message, Throwable cause) {
    super(message, cause);
  }
}
