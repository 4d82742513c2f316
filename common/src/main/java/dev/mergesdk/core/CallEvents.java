package dev.mergesdk.core;

import java.time.Duration;
import okhttp3.Request;
import retrofit2.Invocation;

/**
 * The client's {@link CallListener} as one execution sees it: the call's {@link CallInfo}, what its attempts
 * ended with so far, and a listener that throws never breaks the call.
 */
final class CallEvents {
  private final CallListener listener;
  private final CallInfo info;
  private final Timing timing;
  private final long start;
  private volatile int attempts;
  private volatile int lastStatus;
  private volatile String lastRequestId;
  private volatile boolean ended;

  CallEvents(CallListener listener, Request request, Timing timing) {
    this.listener = listener;
    this.timing = timing;
    this.start = timing.nanoTime();
    this.info = listener == CallListener.NONE ? null
        : new CallInfo(operation(request), request.method(), Redaction.url(request.url()), request.url().host());
  }

  /** The operation as its group and method, from the Retrofit binding that built the request. */
  private static String operation(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) {
      return "raw";
    }
    Class<?> binding = invocation.method().getDeclaringClass();
    Class<?> group = binding.getEnclosingClass() != null ? binding.getEnclosingClass() : binding;
    return group.getSimpleName() + "." + invocation.method().getName();
  }

  boolean enabled() {
    return info != null;
  }

  long nanoTime() {
    return timing.nanoTime();
  }

  void callStart() {
    if (enabled()) {
      try {
        listener.callStart(info);
      } catch (RuntimeException ignored) {
        // The caller's listener failing must not fail the call.
      }
    }
  }

  void attemptEnd(int number, int status, String failure, String requestId, long startNanos, long requestBytes,
      long responseBytes) {
    attempts = number;
    lastStatus = status;
    if (requestId != null) {
      lastRequestId = requestId;
    }
    if (enabled()) {
      try {
        listener.attemptEnd(info, new AttemptInfo(number, status, failure, requestId,
            Duration.ofNanos(timing.nanoTime() - startNanos), requestBytes, responseBytes));
      } catch (RuntimeException ignored) {
        // as above
      }
    }
  }

  void retryDecision(RetryInfo decision) {
    if (enabled()) {
      try {
        listener.retryDecision(info, decision);
      } catch (RuntimeException ignored) {
        // as above
      }
    }
  }

  void decodeAnomaly(DecodeAnomaly anomaly) {
    if (enabled()) {
      try {
        listener.decodeAnomaly(info, anomaly);
      } catch (RuntimeException ignored) {
        // as above
      }
    }
  }

  /** @param failure what the call throws, or null when it returns; only the first end is reported */
  void callEnd(MergeException failure) {
    if (ended) {
      return;
    }
    ended = true;
    if (enabled()) {
      try {
        listener.callEnd(info, new CallResult(lastStatus, failure, attempts, Duration.ofNanos(timing.nanoTime() - start),
            lastRequestId));
      } catch (RuntimeException ignored) {
        // as above
      }
    }
  }
}
