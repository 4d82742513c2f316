package dev.mergesdk.core;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Runs the attempts of a call: sends the request, and when {@link RetryDecision} says so waits and sends it again,
 * the same request with the same headers and {@code Idempotency-Key}. An attempt ends when its answer is known:
 * for a model, once {@link ResponseDecoder#decodeWithinAttempt} has read the body, so a body cut mid-way is a
 * failed attempt like a refused connection. It sits below the auth interceptors, so each
 * attempt carries the same credentials, and above {@link RedirectInterceptor}, so a redirected download is retried
 * from the API's own URL. Each attempt's connect, read and write timeouts are cut to the time left before the
 * call's deadline, and a wait ends early when the call is cancelled, by the caller or by its timeout.
 */
final class RetryInterceptor implements Interceptor {
  private final LongUnaryOperator random;

  RetryInterceptor(LongUnaryOperator random) {
    this.random = random;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallContext call = CallContext.of(request);
    if (call == null) {
      return chain.proceed(request);
    }
    RetryDecision.Request traits = RetryDecision.Request.of(request, call.operationRepeatable);
    for (int attempt = 1; ; attempt++) {
      Response response = null;
      IOException failure = null;
      long attemptStart = call.events.nanoTime();
      try {
        response = call.restoreRetryAfter(withinDeadline(chain, call).proceed(request));
        if (response.isSuccessful() && call.decoder.decodesWithinAttempt()) {
          response = call.decoder.decodeWithinAttempt(request, response, call.keepBodyBytes);
        }
      } catch (IOException e) {
        failure = e;
        response = null;
      }
      attemptEnded(call, attempt, request, response, failure, attemptStart);
      if (chain.call().isCanceled()) {
        return finish(response, failure);
      }
      RetryDecision.Outcome outcome = failure != null
          ? RetryDecision.Outcome.failure(failure)
          : RetryDecision.Outcome.response(response.code(), response.header("Retry-After"));
      RetryDecision decision = RetryDecision.decide(call.policy, traits, attempt, outcome, call.nanosLeft(),
          call.timing.now(), random);
      if (failure != null || !response.isSuccessful()) {
        call.events.retryDecision(new RetryInfo(attempt, call.policy.maxAttempts(), decision.retry(), decision.reason(),
            decision.delay()));
      }
      if (!decision.retry()) {
        return finish(response, failure);
      }
      call.log.log(String.format(Locale.ROOT, "retrying %s %s after %s in %d ms, attempt %d of %d",
          request.method(), Redaction.url(request.url()), decision.reason(), decision.delay().toMillis(),
          attempt + 1, call.policy.maxAttempts()));
      if (response != null) {
        response.close();
      }
      if (!call.timing.sleep(decision.delay(), chain.call()::isCanceled)) {
        throw new IOException("Canceled");
      }
    }
  }

  private static void attemptEnded(CallContext call, int attempt, Request request, Response response,
      IOException failure, long start) {
    if (!call.events.enabled()) {
      return;
    }
    long requestBytes;
    try {
      requestBytes = request.body() == null ? 0 : request.body().contentLength();
    } catch (IOException e) {
      requestBytes = -1;
    }
    if (response == null) {
      call.events.attemptEnd(attempt, 0, failure == null ? null : failure.getClass().getSimpleName(), null, start,
          requestBytes, -1);
      return;
    }
    ResponseBody body = response.body();
    long responseBytes = body == null ? 0 : body.contentLength();
    if (responseBytes < 0 && body instanceof ResponseDecoder.DecodedBody) {
      responseBytes = ((ResponseDecoder.DecodedBody) body).bytesRead();
    }
    call.events.attemptEnd(attempt, response.code(), null, HttpHeaders.requestId(response.headers()), start,
        requestBytes, responseBytes);
  }

  private static Response finish(Response response, IOException failure) throws IOException {
    if (failure != null) {
      throw failure;
    }
    return response;
  }

  /**
   * The chain with its connect, read and write timeouts cut to what is left before the deadline, so an attempt
   * that starts late cannot run past it.
   */
  private static Chain withinDeadline(Chain chain, CallContext call) {
    long left = TimeUnit.NANOSECONDS.toMillis(call.nanosLeft());
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
}
