package dev.mergesdk.core;

import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * When and how long to wait before retrying. Bounded attempts, capped exponential backoff with full jitter, the
 * server's {@code Retry-After} honoured up to a maximum, and one time budget for all attempts and waits together.
 * Retries connection failures, timeouts and the statuses in {@link #retryableStatuses()}. POST and PATCH, and
 * the few operations the API spec marks as not repeatable (such as an upload to a one-shot reservation), are
 * retried only if they never reached the server; POST and PATCH also when they carry an {@code Idempotency-Key}.
 * {@link #maxAttempts()} counts requests on the wire: nothing below the SDK sends a request again by itself.
 * Immutable.
 */
public final class RetryPolicy {
  private static final Set<Integer> DEFAULT_STATUSES =
      Collections.unmodifiableSet(new TreeSet<>(Set.of(408, 429, 500, 502, 503, 504)));
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Duration budget;
  private final Set<Integer> retryableStatuses;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.budget = b.budget;
    this.retryableStatuses = Collections.unmodifiableSet(new TreeSet<>(b.retryableStatuses));
  }

  /** @return 3 attempts, backoff 500 ms doubling to at most 8 s, Retry-After up to 60 s, 2 minutes in all */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** @return a policy that never retries */
  public static RetryPolicy none() {
    return NONE;
  }

  /** @return a builder starting from the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding this policy's values */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.maxRetryAfter = maxRetryAfter;
    b.budget = budget;
    b.retryableStatuses = new TreeSet<>(retryableStatuses);
    return b;
  }

  /** @return total attempts including the first; 1 means no retry */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** @return the backoff cap before the first retry */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** @return the largest backoff cap */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** @return the longest {@code Retry-After} that is honoured; longer values are clamped to it */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * @return the time all attempts and waits must fit in: no retry starts that could not finish waiting in it, and
   *     each attempt's connect, read and write timeouts are cut to the time left
   */
  public Duration budget() {
    return budget;
  }

  /** @return HTTP statuses that are retried */
  public Set<Integer> retryableStatuses() {
    return retryableStatuses;
  }

  /**
   * Full jitter: a uniformly random wait between zero and the exponential cap for this retry.
   *
   * @param retry 1 for the first retry
   * @param random {@code bound -> a uniform value in [0, bound]}
   * @return the wait
   */
  Duration backoff(int retry, LongUnaryOperator random) {
    long cap = initialBackoff.toMillis() << Math.min(retry - 1, 30);
    cap = Math.min(cap <= 0 ? Long.MAX_VALUE : cap, maxBackoff.toMillis());
    return Duration.ofMillis(cap <= 0 ? 0 : random.applyAsLong(cap));
  }

  /** The jitter source: a uniform value in {@code [0, bound]}. */
  static long uniform(long bound) {
    return ThreadLocalRandom.current().nextLong(bound + 1);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
        + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + ", budget=" + budget + ", statuses="
        + retryableStatuses + "}";
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Duration budget = Duration.ofMinutes(2);
    private Set<Integer> retryableStatuses = new TreeSet<>(DEFAULT_STATUSES);

    private Builder() {
    }

    /**
     * @param maxAttempts total attempts including the first, 1 to 20
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 20) {
        throw new IllegalArgumentException("maxAttempts must be between 1 and 20, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * @param initialBackoff backoff cap before the first retry; zero to 24 days
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Checks.notNegative(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * @param maxBackoff the largest backoff cap; zero to 24 days
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Checks.notNegative(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * @param maxRetryAfter longest server-requested wait honoured; zero to 24 days
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = Checks.notNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * @param budget time all attempts and waits must fit in; positive, at most 24 days
     * @return this builder
     */
    public Builder budget(Duration budget) {
      this.budget = Checks.positive(budget, "budget");
      return this;
    }

    /**
     * @param statuses the HTTP statuses to retry
     * @return this builder
     */
    public Builder retryableStatuses(Set<Integer> statuses) {
      if (statuses == null) {
        throw new NullPointerException("statuses must not be null");
      }
      for (Integer s : statuses) {
        if (s == null || s < 400 || s > 599) {
          throw new IllegalArgumentException("retryable statuses must be 4xx or 5xx, got " + s);
        }
      }
      this.retryableStatuses = new TreeSet<>(statuses);
      return this;
    }

    /** @return the policy */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff must not be less than initialBackoff");
      }
      return new RetryPolicy(this);
    }
  }
}
