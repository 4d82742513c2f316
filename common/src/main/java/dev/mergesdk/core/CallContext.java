package dev.mergesdk.core;

import java.util.List;
import java.util.function.Consumer;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What the SDK's interceptors need to know about the one execution they serve, carried as a request tag: the kind
 * of operation, its retry policy and deadline, the secrets to scrub and the log. Created per execution by
 * {@link RealMergeCall}; the few mutable fields are written and read on the call's own thread.
 */
final class CallContext {
  /** The operation's decoder; {@link RetryInterceptor} has it read a model's body within the attempt. */
  final ResponseDecoder<?> decoder;
  /** See {@link ClientContext#keepBodyBytes}. */
  final boolean keepBodyBytes;
  final boolean download;
  final boolean operationRepeatable;
  /** False for an operation that needs no credential: the client's are then not sent. */
  final boolean authenticated;
  final RetryPolicy policy;
  final SecretScrubber scrubber;
  final CallLog log;
  final Timing timing;
  /** The client's listener, for this execution. */
  final CallEvents events;
  /** Receives each member read tolerantly: {@link #decodeAnomaly}. */
  final Consumer<DecodeAnomaly> anomalies = new Consumer<DecodeAnomaly>() {
    @Override
    public void accept(DecodeAnomaly anomaly) {
      decodeAnomaly(anomaly);
    }
  };
  /** Whether a member that does not fit its model fails the call instead of being read tolerantly. */
  final boolean strictDecoding;
  /** {@link Timing#nanoTime()} by which the call must be done: its timeout or retry budget, whichever is first. */
  final long deadlineNanos;
  /** Why the last redirect was answered instead of followed; null when none was refused. */
  String redirectRefusal;
  /** The {@code Retry-After} values {@link FollowUpGuard} hid from OkHttp on the latest response. */
  private List<String> hiddenRetryAfter;

  CallContext(ResponseDecoder<?> decoder, boolean keepBodyBytes, boolean operationRepeatable, boolean authenticated, RetryPolicy policy,
      SecretScrubber scrubber, CallLog log, Timing timing, long deadlineNanos, CallEvents events,
      boolean strictDecoding) {
    this.events = events;
    this.strictDecoding = strictDecoding;
    this.decoder = decoder;
    this.keepBodyBytes = keepBodyBytes;
    this.download = decoder.isDownload();
    this.operationRepeatable = operationRepeatable;
    this.authenticated = authenticated;
    this.policy = policy;
    this.scrubber = scrubber;
    this.log = log;
    this.timing = timing;
    this.deadlineNanos = deadlineNanos;
  }

  static CallContext of(Request request) {
    return request.tag(CallContext.class);
  }

  /** Whether the request may carry the client's credentials: not for an operation that needs none. */
  static boolean sendsCredentials(Request request) {
    CallContext call = of(request);
    return call == null || call.authenticated;
  }

  /** Reports a member read tolerantly to the listener and the log. */
  void decodeAnomaly(DecodeAnomaly anomaly) {
    events.decodeAnomaly(anomaly);
    log.log("read tolerantly: " + anomaly);
  }

  long nanosLeft() {
    return deadlineNanos - timing.nanoTime();
  }

  void hideRetryAfter(List<String> values) {
    hiddenRetryAfter = values;
  }

  /** Puts back the {@code Retry-After} headers hidden from OkHttp on this response, for the SDK and the caller. */
  Response restoreRetryAfter(Response response) {
    List<String> values = hiddenRetryAfter;
    hiddenRetryAfter = null;
    if (values == null) {
      return response;
    }
    Response.Builder builder = response.newBuilder().removeHeader("Retry-After");
    for (String value : values) {
      builder.addHeader("Retry-After", value);
    }
    return builder.build();
  }

  void forgetRetryAfter() {
    hiddenRetryAfter = null;
  }
}
