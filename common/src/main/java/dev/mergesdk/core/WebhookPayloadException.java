package dev.mergesdk.core;

/**
 * A webhook body is not the envelope its API sends (not JSON, no event name), or the data of an event the SDK
 * types does not fit the model the event names. Events the SDK does not know never cause it: their data is kept
 * as raw JSON. The message says what was wrong and where without quoting the body, which carries your users' data
 * (the parser may cite the one value that did not fit).
 */
public class WebhookPayloadException extends MergeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a webhook body that is not what the API sends.
   *
   * @param message what was wrong, free of secrets and payload data
   * @param cause the parser's failure, or null
   */
  public WebhookPayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
