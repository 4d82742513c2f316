package dev.mergesdk.core;

import java.io.IOException;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Adds the client's default headers to each request that does not already set them. */
final class DefaultHeadersInterceptor implements Interceptor {
  private final Map<String, String> headers;

  DefaultHeadersInterceptor(Map<String, String> headers) {
    this.headers = Map.copyOf(headers);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder builder = null;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (request.header(header.getKey()) == null) {
        if (builder == null) {
          builder = request.newBuilder();
        }
        builder.header(header.getKey(), header.getValue());
      }
    }
    return chain.proceed(builder == null ? request : builder.build());
  }

  @Override
  public String toString() {
    return "DefaultHeadersInterceptor" + headers.keySet();
  }
}
