package dev.mergesdk.core;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Applies the {@link RetryPolicy} of the call (its {@link RequestOptions}, else the client's). Runs inside the
 * OkHttp call, so a caller's call timeout bounds the retries too, and the same request, headers and
 * {@code Idempotency-Key} included, is sent on every attempt.
 */
final class RetryInterceptor implements Interceptor {
  private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
  private final RetryPolicy defaultPolicy;

  RetryInterceptor(RetryPolicy defaultPolicy) {
    this.defaultPolicy = defaultPolicy;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestOptions options = request.tag(RequestOptions.class);
    RetryPolicy policy = options != null && options.retryPolicy().isPresent() ? options.retryPolicy().get() : defaultPolicy;
    boolean safeToRepeat = IDEMPOTENT_METHODS.contains(request.method())
        || request.header(RequestOptions.IDEMPOTENCY_KEY_HEADER) != null;
    boolean repeatableBody = request.body() == null || !request.body().isOneShot();
    long deadline = System.nanoTime() + policy.budget().toNanos();
    BufferedBody buffered = request.tag(BufferedBody.class);

    for (int attempt = 1; ; attempt++) {
      Response response;
      try {
        response = withinBudget(chain, deadline).proceed(request);
        if (buffered != null && response.isSuccessful()) {
          buffered.readAhead(request, response);
        }
      } catch (IOException failure) {
        boolean neverSent = neverReachedServer(failure);
        boolean retryable = (safeToRepeat && repeatableBody) || neverSent;
        if (!retryable || attempt >= policy.maxAttempts() || chain.call().isCanceled()) {
          throw failure;
        }
        if (!sleepWithin(policy.backoff(attempt), deadline)) {
          throw failure;
        }
        continue;
      }
      if (!policy.retryableStatuses().contains(response.code()) || !safeToRepeat || !repeatableBody
          || attempt >= policy.maxAttempts()) {
        return response;
      }
      Duration retryAfter = retryAfter(response.header("Retry-After"));
      Duration wait = retryAfter == null
          ? policy.backoff(attempt)
          : min(retryAfter, policy.maxRetryAfter());
      if (System.nanoTime() + wait.toNanos() > deadline) {
        return response;
      }
      response.close();
      if (!sleepWithin(wait, deadline)) {
        throw new InterruptedIOException("retry budget exhausted");
      }
    }
  }

  /**
   * The chain with its connect, read and write timeouts cut to what is left of the budget, so an attempt that
   * starts late cannot run past it: all attempts and waits together fit in the budget.
   */
  private static Chain withinBudget(Chain chain, long deadline) {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    int limit = (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
    Chain c = chain;
    if (c.connectTimeoutMillis() == 0 || c.connectTimeoutMillis() > limit) {
      c = c.withConnectTimeout(limit, TimeUnit.MILLISECONDS);
    }
    if (c.readTimeoutMillis() == 0 || c.readTimeoutMillis() > limit) {
      c = c.withReadTimeout(limit, TimeUnit.MILLISECONDS);
    }
    if (c.writeTimeoutMillis() == 0 || c.writeTimeoutMillis() > limit) {
      c = c.withWriteTimeout(limit, TimeUnit.MILLISECONDS);
    }
    return c;
  }

  /**
   * Tags a request whose success body the SDK decodes into a model. The body is read and decoded now, inside the
   * attempt, so that a body cut or stalled mid-way fails this attempt and is retried like any other connection
   * failure, instead of surfacing later from the decoder where no retry is possible; the outcome is kept here for
   * {@link ResponseDecoder}. It is decoded as it arrives: reading it whole first and decoding afterwards made
   * every call wait for the last byte before parsing the first, about a tenth of a page call in the benchmarks.
   * Bodies declared larger than the limit are left to the decoder, which refuses them.
   */
  static final class BufferedBody {
    final long limit;
    private final ResponseDecoder<?> decoder;
    /** The body decoded ahead; the decoder uses the outcome only for this very body. */
    ResponseBody decodedBody;
    Object value;
    RuntimeException failure;

    BufferedBody(ResponseDecoder<?> decoder) {
      this.decoder = decoder;
      this.limit = decoder.maxBodyBytes();
    }

    void readAhead(Request request, Response response) throws IOException {
      ResponseBody body = response.body();
      if (response.code() == 204 || response.code() == 205 || body.contentLength() > limit) {
        return;
      }
      decodedBody = null;
      failure = null;
      try {
        value = decoder.readAhead(request, response.code(), body);
      } catch (IOException transferFailed) {
        response.close();
        throw transferFailed;
      } catch (RuntimeException undecodable) {
        failure = undecodable;
      }
      decodedBody = body;
    }
  }

  /** Failures that happen before a single byte of the request left this machine. */
  static boolean neverReachedServer(IOException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parses {@code Retry-After} as delta-seconds or an HTTP-date.
   *
   * @return the wait, zero for dates in the past, null when absent or unparseable
   */
  static Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** @return false, without sleeping, if the wait would overrun the budget */
  private static boolean sleepWithin(Duration wait, long deadline) throws InterruptedIOException {
    if (System.nanoTime() + wait.toNanos() > deadline) {
      return false;
    }
    try {
      Thread.sleep(wait.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
