package dev.mergesdk.core;

import java.time.Duration;
import java.util.Optional;

/** How one attempt of a call ended, for {@link CallListener#attemptEnd}. */
public final class AttemptInfo {
  private final int number;
  private final int statusCode;
  private final String failure;
  private final String requestId;
  private final Duration duration;
  private final long requestBytes;
  private final long responseBytes;

  AttemptInfo(int number, int statusCode, String failure, String requestId, Duration duration, long requestBytes,
      long responseBytes) {
    this.number = number;
    this.statusCode = statusCode;
    this.failure = failure;
    this.requestId = requestId;
    this.duration = duration;
    this.requestBytes = requestBytes;
    this.responseBytes = responseBytes;
  }

  /** {@return the attempt's number, 1 for the first} */
  public int number() {
    return number;
  }

  /** {@return the response's status, or 0 when the attempt failed before one arrived} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return the kind of transport failure ({@code SocketTimeoutException}, ...), when there was no response} */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** {@return the request id the response carried} */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** {@return from sending the request to having the response (and, for JSON, its body) or the failure} */
  public Duration duration() {
    return duration;
  }

  /** {@return the request body's size in bytes, 0 without a body, -1 when not known in advance (a stream)} */
  public long requestBytes() {
    return requestBytes;
  }

  /** {@return the response body's size in bytes as far as read or declared, -1 when not known (a download)} */
  public long responseBytes() {
    return responseBytes;
  }

  @Override
  public String toString() {
    return "AttemptInfo{#" + number + ", " + (failure != null ? failure : String.valueOf(statusCode)) + ", "
        + duration.toMillis() + " ms, " + requestBytes + " B out, " + responseBytes + " B in"
        + (requestId == null ? "" : ", request id " + requestId) + "}";
  }
}
