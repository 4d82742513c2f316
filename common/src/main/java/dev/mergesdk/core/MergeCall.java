package dev.mergesdk.core;

import java.util.concurrent.CompletableFuture;

/**
 * One API operation, prepared but not sent. Immutable and reusable: each execution sends a fresh request.
 *
 * @param <T> the decoded response model ({@code Void} for operations without a body)
 */
public interface MergeCall<T> {

  /**
   * Sends the request and decodes the response.
   *
   * @return the decoded model; {@code null} for operations that answer without a body
   * @throws ApiException when the API answers with an error status
   * @throws MergeException for network failures, timeouts and undecodable bodies
   */
  T execute();

  /**
   * Sends the request and returns the decoded model together with status, headers and request id.
   *
   * @return the response
   */
  ApiResponse<T> executeRaw();

  /**
   * Sends the request without blocking the caller.
   *
   * @return a future completed with the model, or exceptionally with the same exceptions {@link #execute()} throws
   */
  CompletableFuture<T> executeAsync();

  /**
   * Returns a copy of this call that applies per-request options (account token, headers, timeout, retry policy,
   * idempotency key) on top of the client's defaults.
   *
   * @param options the options for this call
   * @return a new call; this one is unchanged
   */
  @com.google.errorprone.annotations.CheckReturnValue
  MergeCall<T> with(RequestOptions options);

  /** @return the HTTP method this call will use */
  String method();

  /** @return the URL this call will request, with query parameters */
  String url();
}
