package dev.mergesdk.core;

/**
 * A webhook delivery failed signature verification: answer it with 400 or 401 and do not act on it. The message
 * names the header and what was wrong, never the key or the expected signature.
 */
public class WebhookSignatureException extends MergeException {
  private static final long serialVersionUID = 1L;

  /** What was wrong with the signature. */
  public enum Reason {
    /** The request carried no signature header, or an empty one. */
    MISSING,
    /** The header is not an HMAC-SHA256 value in any encoding the API uses. */
    MALFORMED,
    /** A well-formed signature, but not the body's under the given key: another key, or a changed body. */
    MISMATCH
  }

  /** What was wrong. */
  private final Reason reason;

  /**
   * Creates the exception for a signature that does not verify.
   *
   * @param reason what was wrong
   * @param message the explanation, free of secrets
   */
  public WebhookSignatureException(Reason reason, String message) {
    super(message);
    if (reason == null) {
      throw new NullPointerException("reason must not be null");
    }
    this.reason = reason;
  }

  /** {@return what was wrong with the signature} */
  public Reason reason() {
    return reason;
  }
}
