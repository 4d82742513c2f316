package dev.mergesdk.core;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends the client's {@code X-Account-Token} unless the call already carries one (set per request through
 * {@link RequestOptions#accountToken()}); an operation that needs no credential ({@link NoAuth}) goes without one.
 */
final class AccountTokenInterceptor implements Interceptor {
  static final String HEADER = "X-Account-Token";
  private final String accountToken;

  AccountTokenInterceptor(String accountToken) {
    this.accountToken = accountToken;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!CallContext.sendsCredentials(request)) {
      return chain.proceed(request.header(HEADER) == null ? request : request.newBuilder().removeHeader(HEADER).build());
    }
    if (request.header(HEADER) != null) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().header(HEADER, accountToken).build());
  }

  @Override
  public String toString() {
    return "AccountTokenInterceptor{X-Account-Token=***}";
  }
}
