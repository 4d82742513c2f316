package dev.mergesdk.core;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import javax.net.ssl.SSLHandshakeException;

/**
 * Whether to retry after an attempt, and after how long: a pure function of the request, the attempt number, its
 * outcome and the time left, so that every rule of retrying lives here and is specified without a network or a
 * clock. {@link RetryInterceptor} runs the loop; this class only decides.
 *
 * <p>The rules, in order: never past {@link RetryPolicy#maxAttempts()}; a failure before a single byte of the
 * request left the machine is always retryable; otherwise the request must be safe to repeat: its operation is
 * repeatable (the spec marks the ones that are not), its body can be sent again, and its method is idempotent or
 * it carries an {@code Idempotency-Key}; a response is retried only for the policy's statuses; the wait is the
 * server's {@code Retry-After} (clamped to {@link RetryPolicy#maxRetryAfter()}) or the jittered backoff, and a
 * retry whose wait would not end before the call's deadline is not started.
 */
final class RetryDecision {
  private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
  private static final BigInteger MAX_SECONDS = BigInteger.valueOf(Long.MAX_VALUE / 1_000_000_000L);

  private final boolean retry;
  private final Duration delay;
  private final String reason;

  private RetryDecision(boolean retry, Duration delay, String reason) {
    this.retry = retry;
    this.delay = delay;
    this.reason = reason;
  }

  /** What an attempt ended with: a status (and its {@code Retry-After}), or a transport failure. */
  static final class Outcome {
    final int status;
    final String retryAfter;
    final IOException failure;

    private Outcome(int status, String retryAfter, IOException failure) {
      this.status = status;
      this.retryAfter = retryAfter;
      this.failure = failure;
    }

    static Outcome response(int status, String retryAfter) {
      return new Outcome(status, retryAfter, null);
    }

    static Outcome failure(IOException failure) {
      return new Outcome(0, null, failure);
    }

    String describe() {
      return failure == null ? String.valueOf(status) : failure.getClass().getSimpleName();
    }
  }

  /** What a request's retry safety depends on, taken from the request as it will be sent. */
  static final class Request {
    final String method;
    final boolean hasIdempotencyKey;
    final boolean bodyRepeatable;
    final boolean operationRepeatable;

    Request(String method, boolean hasIdempotencyKey, boolean bodyRepeatable, boolean operationRepeatable) {
      this.method = method;
      this.hasIdempotencyKey = hasIdempotencyKey;
      this.bodyRepeatable = bodyRepeatable;
      this.operationRepeatable = operationRepeatable;
    }

    static Request of(okhttp3.Request request, boolean operationRepeatable) {
      return new Request(request.method(), request.header(RequestOptions.IDEMPOTENCY_KEY_HEADER) != null,
          request.body() == null || !request.body().isOneShot(), operationRepeatable);
    }

    /** Whether sending it again after it reached the server cannot do anything twice. */
    boolean safeToRepeat() {
      return operationRepeatable && bodyRepeatable && (IDEMPOTENT_METHODS.contains(method) || hasIdempotencyKey);
    }
  }

  /**
   * @param policy the call's policy
   * @param request what retry safety depends on
   * @param attempt the attempt that just ended, 1 for the first
   * @param outcome how it ended
   * @param nanosLeft time left before the call's deadline (its timeout or retry budget); may be negative
   * @param now the wall-clock time, for {@code Retry-After} dates
   * @param random {@code bound -> a uniform value in [0, bound]}, the jitter's source
   * @return the decision
   */
  static RetryDecision decide(RetryPolicy policy, Request request, int attempt, Outcome outcome, long nanosLeft,
      Instant now, LongUnaryOperator random) {
    if (outcome.failure == null && !policy.retryableStatuses().contains(outcome.status)) {
      return stop("status " + outcome.status + " is not retried");
    }
    if (attempt >= policy.maxAttempts()) {
      return stop("all " + policy.maxAttempts() + " attempts used");
    }
    if (outcome.failure != null) {
      if (!request.safeToRepeat() && !neverReachedServer(outcome.failure)) {
        return stop("the request may have reached the server and is not safe to repeat");
      }
    } else if (!request.safeToRepeat()) {
      return stop("the request reached the server and is not safe to repeat");
    }
    Duration serverWait = outcome.failure == null ? retryAfter(outcome.retryAfter, now) : null;
    Duration wait = serverWait == null
        ? policy.backoff(attempt, random)
        : min(serverWait, policy.maxRetryAfter());
    if (wait.toNanos() > nanosLeft) {
      return stop(String.format(Locale.ROOT, "a wait of %d ms does not fit in the %d ms left", wait.toMillis(),
          Math.max(0, nanosLeft / 1_000_000)));
    }
    return new RetryDecision(true, wait, outcome.describe());
  }

  private static RetryDecision stop(String reason) {
    return new RetryDecision(false, Duration.ZERO, reason);
  }

  /** {@return whether to send the request again} */
  boolean retry() {
    return retry;
  }

  /** {@return how long to wait first; zero when not retrying} */
  Duration delay() {
    return delay;
  }

  /** {@return what the decision was based on: the status or failure retried, or why there is no retry} */
  String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return retry ? "retry in " + delay.toMillis() + " ms after " + reason : "no retry: " + reason;
  }

  /** Failures that happen before a single byte of the request left this machine. */
  static boolean neverReachedServer(IOException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
          || t instanceof SSLHandshakeException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parses {@code Retry-After} as delta-seconds (of any size: huge values are clamped later, never an overflow)
   * or an HTTP-date.
   *
   * @param value the header, possibly null
   * @param now the wall-clock time
   * @return the wait, zero for dates in the past, null when absent or unparseable
   */
  static Duration retryAfter(String value, Instant now) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    if (v.isEmpty()) {
      return null;
    }
    if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      BigInteger seconds = new BigInteger(v);
      return Duration.ofSeconds(seconds.min(MAX_SECONDS).longValue());
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration until = Duration.between(now, at.toInstant());
      return until.isNegative() ? Duration.ZERO : until;
    } catch (DateTimeParseException notDate) {
      return null;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
