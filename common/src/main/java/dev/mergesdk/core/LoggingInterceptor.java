package dev.mergesdk.core;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs each request the SDK sends, every retry attempt and redirect hop included: method, URL, headers, status,
 * request id and duration. Values of Authorization, X-Account-Token and any header or query parameter named like a
 * token, key, secret, signature or password are replaced by {@code ***}; URLs in {@code Location} headers are
 * masked the same way; and each line is scrubbed of the call's secrets and of control characters, whatever the
 * server sent ({@link CallLog}). Bodies are never logged: they may carry tokens too.
 */
final class LoggingInterceptor implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallContext call = CallContext.of(request);
    if (call == null || !call.log.enabled()) {
      return chain.proceed(request);
    }
    call.log.log("--> " + request.method() + " " + Redaction.url(request.url()) + headers(request.headers(), null));
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      call.log.log("<-- failed " + request.method() + " " + Redaction.url(request.url()) + " after "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms: " + e.getClass().getSimpleName());
      throw e;
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    call.log.log(String.format(Locale.ROOT, "<-- %d %s %s (%d ms)%s", response.code(), request.method(),
        Redaction.url(request.url()), ms, headers(response.headers(), request.url())));
    return response;
  }

  private static String headers(Headers headers, HttpUrl base) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = headers.value(i);
      if (Redaction.isSecret(name)) {
        value = Redaction.MASK;
      } else if (base != null && name.equalsIgnoreCase("Location")) {
        HttpUrl target = base.resolve(value);
        value = target == null ? value : Redaction.url(target);
      }
      sb.append(" | ").append(name).append(": ").append(value);
    }
    return sb.toString();
  }
}
