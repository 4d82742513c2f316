package dev.mergesdk.core;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs each attempt: method, URL, headers, status, request id and duration. Values of Authorization,
 * X-Account-Token and any header or query parameter named like a token, key or secret are replaced by
 * {@code ***}. Bodies are never logged: they may carry tokens too.
 */
final class LoggingInterceptor implements Interceptor {
  private final HttpLogger logger;

  LoggingInterceptor(HttpLogger logger) {
    this.logger = logger;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    logger.log("--> " + request.method() + " " + Redaction.url(request.url()) + headers(request.headers()));
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      logger.log("<-- failed " + request.method() + " " + Redaction.url(request.url()) + " after "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms: " + e.getClass().getSimpleName());
      throw e;
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    logger.log(String.format(Locale.ROOT, "<-- %d %s %s (%d ms)%s", response.code(), request.method(),
        Redaction.url(request.url()), ms, headers(response.headers())));
    return response;
  }

  private static String headers(Headers headers) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      sb.append(" | ").append(name).append(": ")
          .append(Redaction.isSecret(name) ? Redaction.MASK : headers.value(i));
    }
    return sb.toString();
  }
}
