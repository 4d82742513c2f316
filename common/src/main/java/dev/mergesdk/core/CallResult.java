package dev.mergesdk.core;

import java.time.Duration;
import java.util.Optional;

/** How a call ended, for {@link CallListener#callEnd}. */
public final class CallResult {
  private final int statusCode;
  private final MergeException failure;
  private final int attempts;
  private final Duration duration;
  private final String requestId;

  CallResult(int statusCode, MergeException failure, int attempts, Duration duration, String requestId) {
    this.statusCode = statusCode;
    this.failure = failure;
    this.attempts = attempts;
    this.duration = duration;
    this.requestId = requestId;
  }

  /** {@return the last response's status, or 0 when none arrived} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return whether the call returned its result} */
  public boolean isSuccess() {
    return failure == null;
  }

  /** {@return the exception the call throws (its message is redacted like every message of the SDK)} */
  public Optional<MergeException> failure() {
    return Optional.ofNullable(failure);
  }

  /** {@return how many attempts were sent} */
  public int attempts() {
    return attempts;
  }

  /** {@return the whole call, retries and waits included} */
  public Duration duration() {
    return duration;
  }

  /** {@return the request id of the last response} */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  @Override
  public String toString() {
    return "CallResult{" + (failure == null ? "ok" : failure.getClass().getSimpleName()) + ", status " + statusCode
        + ", " + attempts + " attempt(s), " + duration.toMillis() + " ms"
        + (requestId == null ? "" : ", request id " + requestId) + "}";
  }
}
