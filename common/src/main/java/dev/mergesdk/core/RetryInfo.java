package dev.mergesdk.core;

import java.time.Duration;

/** A retry decision after an attempt that did not succeed, for {@link CallListener#retryDecision}. */
public final class RetryInfo {
  private final int attempt;
  private final int maxAttempts;
  private final boolean retry;
  private final String reason;
  private final Duration delay;

  RetryInfo(int attempt, int maxAttempts, boolean retry, String reason, Duration delay) {
    this.attempt = attempt;
    this.maxAttempts = maxAttempts;
    this.retry = retry;
    this.reason = reason;
    this.delay = delay;
  }

  /** {@return the attempt that just ended, 1 for the first} */
  public int attempt() {
    return attempt;
  }

  /** {@return the policy's most attempts} */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** {@return whether the request is sent again} */
  public boolean retry() {
    return retry;
  }

  /**
   * Why the decision was taken.
   *
   * @return the status or failure retried ({@code 503}, {@code SocketTimeoutException}), or why not
   *     ({@code status 404 is not retried}, {@code all 3 attempts used}, ...)
   */
  public String reason() {
    return reason;
  }

  /** {@return how long the SDK waits before the next attempt; zero when not retrying} */
  public Duration delay() {
    return delay;
  }

  @Override
  public String toString() {
    return retry ? "retry after " + reason + " in " + delay.toMillis() + " ms, attempt " + (attempt + 1) + " of "
        + maxAttempts : "no retry after attempt " + attempt + ": " + reason;
  }
}
