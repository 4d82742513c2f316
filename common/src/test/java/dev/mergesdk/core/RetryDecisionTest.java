package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The retry decision as a table: request, attempt, outcome and time left in; retry or not, the wait, and the
 * reason out. No network, no clock: the jitter always picks its upper bound.
 */
class RetryDecisionTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final RetryPolicy POLICY = RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(500))
      .maxBackoff(Duration.ofSeconds(8)).maxRetryAfter(Duration.ofSeconds(60))
      .retryableStatuses(Set.of(408, 429, 500, 502, 503, 504)).build();
  private static final long PLENTY = TimeUnit.MINUTES.toNanos(2);

  private static final RetryDecision.Request GET = new RetryDecision.Request("GET", false, true, true);
  private static final RetryDecision.Request POST = new RetryDecision.Request("POST", false, true, true);
  private static final RetryDecision.Request POST_WITH_KEY = new RetryDecision.Request("POST", true, true, true);
  private static final RetryDecision.Request PATCH = new RetryDecision.Request("PATCH", false, true, true);
  private static final RetryDecision.Request PUT_STREAM = new RetryDecision.Request("PUT", false, false, true);
  private static final RetryDecision.Request PUT_ONE_SHOT_RESERVATION = new RetryDecision.Request("PUT", false, true, false);
  private static final RetryDecision.Request DELETE = new RetryDecision.Request("DELETE", false, true, true);

  private static RetryDecision.Outcome status(int code) {
    return RetryDecision.Outcome.response(code, null);
  }

  private static RetryDecision.Outcome status(int code, String retryAfter) {
    return RetryDecision.Outcome.response(code, retryAfter);
  }

  private static RetryDecision.Outcome failed(IOException e) {
    return RetryDecision.Outcome.failure(e);
  }

  private static final RetryDecision.Outcome REFUSED = failed(new ConnectException("Connection refused"));
  private static final RetryDecision.Outcome RESET = failed(new SocketException("Connection reset"));
  private static final RetryDecision.Outcome READ_TIMEOUT = failed(new java.net.SocketTimeoutException("timeout"));
  private static final RetryDecision.Outcome CALL_TIMEOUT = failed(new InterruptedIOException("timeout"));

  static Stream<Arguments> table() {
    return Stream.of(
        // request, attempt, outcome, nanos left, expected retry, expected wait ms (-1: no retry)
        row("GET 503, first attempt: backoff 500 ms", GET, 1, status(503), PLENTY, 500),
        row("GET 503, second attempt: backoff doubles", GET, 2, status(503), PLENTY, 1000),
        row("GET 503, last attempt: no retry", GET, 3, status(503), PLENTY, -1),
        row("GET 404: not a retryable status", GET, 1, status(404), PLENTY, -1),
        row("GET 429 Retry-After 7: the server's wait", GET, 1, status(429, "7"), PLENTY, 7000),
        row("GET 503 Retry-After 0: retried at once", GET, 1, status(503, "0"), PLENTY, 0),
        row("GET 503 Retry-After 600: clamped to 60 s", GET, 1, status(503, "600"), PLENTY, 60_000),
        row("GET 503 Retry-After HTTP-date 90 s ahead", GET, 1, status(503, "Thu, 01 Jan 2026 00:01:30 GMT"), PLENTY, 60_000),
        row("GET 503 Retry-After huge: clamped, no overflow", GET, 1, status(503, "99999999999999999999"), PLENTY, 60_000),
        row("GET 503 Retry-After garbage: backoff", GET, 1, status(503, "soon"), PLENTY, 500),
        row("GET 503 Retry-After 3 with 600 ms left: no retry", GET, 1, status(503, "3"), TimeUnit.MILLISECONDS.toNanos(600), -1),
        row("GET 503 with the deadline passed: no retry", GET, 1, status(503, "0"), -1, -1),
        row("GET connection reset: retried", GET, 1, RESET, PLENTY, 500),
        row("GET read timeout: retried", GET, 1, READ_TIMEOUT, PLENTY, 500),
        row("DELETE 502: retried", DELETE, 1, status(502), PLENTY, 500),
        row("POST 503: reached the server, not retried", POST, 1, status(503, "0"), PLENTY, -1),
        row("PATCH 500: not retried", PATCH, 1, status(500), PLENTY, -1),
        row("POST reset mid-request: may have arrived, not retried", POST, 1, RESET, PLENTY, -1),
        row("POST read timeout: may have arrived, not retried", POST, 1, READ_TIMEOUT, PLENTY, -1),
        row("POST call timeout: not retried", POST, 1, CALL_TIMEOUT, PLENTY, -1),
        row("POST connection refused: never sent, retried", POST, 1, REFUSED, PLENTY, 500),
        row("POST with Idempotency-Key 503: retried", POST_WITH_KEY, 1, status(503), PLENTY, 500),
        row("POST with Idempotency-Key reset: retried", POST_WITH_KEY, 1, RESET, PLENTY, 500),
        row("PUT of a one-shot stream 503: the body cannot be sent again", PUT_STREAM, 1, status(503), PLENTY, -1),
        row("PUT of a one-shot stream, refused: never sent, retried", PUT_STREAM, 1, REFUSED, PLENTY, 500),
        row("PUT to a one-shot reservation 503: not retried", PUT_ONE_SHOT_RESERVATION, 1, status(503), PLENTY, -1),
        row("PUT to a one-shot reservation reset: not retried", PUT_ONE_SHOT_RESERVATION, 1, RESET, PLENTY, -1),
        row("PUT to a one-shot reservation refused: retried", PUT_ONE_SHOT_RESERVATION, 1, REFUSED, PLENTY, 500),
        row("backoff capped at maxBackoff", GET, 2, RESET, PLENTY, 1000));
  }

  private static Arguments row(String name, RetryDecision.Request request, int attempt, RetryDecision.Outcome outcome,
      long nanosLeft, long expectedWaitMillis) {
    return Arguments.of(name, request, attempt, outcome, nanosLeft, expectedWaitMillis);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void decides(String name, RetryDecision.Request request, int attempt, RetryDecision.Outcome outcome, long nanosLeft,
      long expectedWaitMillis) {
    RetryDecision decision = RetryDecision.decide(POLICY, request, attempt, outcome, nanosLeft, NOW, bound -> bound);
    assertEquals(expectedWaitMillis >= 0, decision.retry(), decision.toString());
    if (expectedWaitMillis >= 0) {
      assertEquals(Duration.ofMillis(expectedWaitMillis), decision.delay(), decision.toString());
    }
  }

  @ParameterizedTest(name = "attempt {0}")
  @MethodSource("attempts")
  void theBackoffCapDoublesUpToMaxBackoff(int attempt, long capMillis) {
    RetryPolicy many = POLICY.toBuilder().maxAttempts(20).build();
    RetryDecision decision = RetryDecision.decide(many, GET, attempt, status(500), PLENTY, NOW, bound -> bound);
    assertEquals(Duration.ofMillis(capMillis), decision.delay());
    RetryDecision low = RetryDecision.decide(many, GET, attempt, status(500), PLENTY, NOW, bound -> 0);
    assertEquals(Duration.ZERO, low.delay(), "full jitter reaches zero");
  }

  static Stream<Arguments> attempts() {
    return Stream.of(Arguments.of(1, 500), Arguments.of(2, 1000), Arguments.of(3, 2000), Arguments.of(4, 4000),
        Arguments.of(5, 8000), Arguments.of(6, 8000), Arguments.of(19, 8000));
  }
}
