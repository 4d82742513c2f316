package dev.mergesdk.core;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Sends {@code Authorization: Bearer <api key>} on every request. */
final class AuthInterceptor implements Interceptor {
  private final String authorization;

  AuthInterceptor(String apiKey) {
    this.authorization = "Bearer " + apiKey;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header("Authorization", authorization).build());
  }

  @Override
  public String toString() {
    return "AuthInterceptor{Authorization=Bearer ***}";
  }
}
