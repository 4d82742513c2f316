package dev.mergesdk.core;

/** The server answered with success, but the body could not be decoded into the expected model. */
public class DecodeException extends MergeException {
  private static final long serialVersionUID = 1L;
  /** The HTTP status. */
  private final int statusCode;
  /** The first characters of the body. */
  private final String bodySnippet;

  /**
   * Creates the exception for a response body that could not be decoded.
   *
   * @param message what could not be decoded from which request, with a snippet of the body
   * @param statusCode the HTTP status of the response
   * @param bodySnippet the first characters of the body
   * @param cause the parser's failure, or null
   */
  public DecodeException(String message, int statusCode, String bodySnippet, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.bodySnippet = bodySnippet;
  }

  /** {@return the HTTP status of the response that failed to decode} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return the first characters of the body, for diagnosis} */
  public String bodySnippet() {
    return bodySnippet;
  }
}
