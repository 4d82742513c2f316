package dev.mergesdk.core;

/**
 * Observes the calls of one client, in the spirit of OkHttp's {@code EventListener}: each call's start and end,
 * each attempt with its status or failure, each retry decision with its reason and wait, and each member of a
 * response that did not fit its model. Set it with the client builder's {@code callListener(...)}; the optional
 * {@code merge-sdk-opentelemetry} module turns these events into OpenTelemetry spans and metrics.
 *
 * <p>Every method has an empty default, so implement only what you need. They run on the thread of the call (an
 * OkHttp dispatcher thread for {@code executeAsync()}), so keep them fast; a listener that throws never breaks the
 * call. Nothing passed to them holds a credential: URLs are redacted as in the log, and no header or body value is
 * given. One call ({@link CallInfo}) may be followed by several attempts and retry decisions; each page of an
 * auto-paged list is a call of its own.
 */
public interface CallListener {
  /** A listener that does nothing. */
  CallListener NONE = new CallListener() {
  };

  /**
   * The call is about to be sent for the first time.
   *
   * @param call the call
   */
  default void callStart(CallInfo call) {
  }

  /**
   * One attempt ended: with a response (whatever its status) or a transport failure.
   *
   * @param call the call
   * @param attempt what the attempt ended with
   */
  default void attemptEnd(CallInfo call, AttemptInfo attempt) {
  }

  /**
   * After an attempt that did not succeed, the SDK decided whether to send the request again.
   *
   * @param call the call
   * @param decision whether it retries, why, and after how long
   */
  default void retryDecision(CallInfo call, RetryInfo decision) {
  }

  /**
   * A member of the response did not fit its declared type and was read tolerantly (left unset, kept in
   * {@code unknownFields()}, or a lone value read as a one-element list); with strict decoding the call fails
   * instead, and this is not called.
   *
   * @param call the call
   * @param anomaly where, and what was done
   */
  default void decodeAnomaly(CallInfo call, DecodeAnomaly anomaly) {
  }

  /**
   * The call ended: decoded, or failed with the exception it throws. For a download it ends when the response
   * headers have arrived; the body streams afterwards.
   *
   * @param call the call
   * @param result how it ended
   */
  default void callEnd(CallInfo call, CallResult result) {
  }
}
