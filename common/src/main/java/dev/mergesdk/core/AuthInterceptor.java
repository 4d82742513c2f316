package dev.mergesdk.core;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends {@code Authorization: Bearer <api key>} on every request of an operation that needs it; an operation that
 * needs no credential ({@link NoAuth}) goes without any {@code Authorization} at all.
 */
final class AuthInterceptor implements Interceptor {
  private final String authorization;

  /** @param apiKey the key, or null for a client built without one (its keyed calls are refused before this) */
  AuthInterceptor(String apiKey) {
    this.authorization = apiKey == null ? null : "Bearer " + apiKey;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!CallContext.sendsCredentials(request)) {
      return chain.proceed(request.header("Authorization") == null ? request
          : request.newBuilder().removeHeader("Authorization").build());
    }
    if (authorization == null) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().header("Authorization", authorization).build());
  }

  @Override
  public String toString() {
    return "AuthInterceptor{Authorization=" + (authorization == null ? "none" : "Bearer ***") + "}";
  }
}
