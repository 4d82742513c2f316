package dev.mergesdk.core;

import java.io.IOException;
import java.net.ProtocolException;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A network interceptor that keeps OkHttp from deciding anything on its own below the SDK. OkHttp sends a request
 * again by itself when a 503 says {@code Retry-After: 0}, POST included, and throws a raw
 * {@code NumberFormatException} for a {@code Retry-After} beyond {@code Integer.MAX_VALUE}; so {@code Retry-After}
 * is hidden from it here and put back by {@link RetryInterceptor}, where {@link RetryDecision} reads it. And a
 * response OkHttp cannot make sense of (a negative or garbled {@code Content-Length}, say) fails inside OkHttp with a
 * runtime exception that would escape the call and leave its connection open: here the call is cancelled, which
 * closes the connection, and the failure becomes an {@link IOException} like any other broken response.
 * Redirects and authentication challenges are switched off on the client itself ({@link ClientRuntime}).
 */
final class FollowUpGuard implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (RuntimeException malformed) {
      chain.call().cancel();
      ProtocolException failure = new ProtocolException("malformed response: " + malformed.getClass().getSimpleName()
          + ": " + malformed.getMessage());
      failure.initCause(malformed);
      throw failure;
    }
    String length = response.header("Content-Length");
    if (length != null && !isLength(length)) {
      // OkHttp fails reading (even discarding) such a body with an IllegalArgumentException: never touch it, close
      // the connection by cancelling the call.
      chain.call().cancel();
      throw new ProtocolException("malformed response: Content-Length " + Snippets.shorten(length, 40));
    }
    List<String> retryAfter = response.headers("Retry-After");
    CallContext call = CallContext.of(chain.request());
    if (retryAfter.isEmpty() || call == null) {
      return response;
    }
    call.hideRetryAfter(retryAfter);
    return response.newBuilder().removeHeader("Retry-After").build();
  }

  private static boolean isLength(String value) {
    String v = value.trim();
    if (v.isEmpty() || v.length() > 18) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
