package dev.mergesdk.core;

import java.io.Closeable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * The HTTP stack of one client: OkHttp with the SDK's interceptors, and Retrofit wired to the SDK's call adapter
 * and converters. Thread-safe; share one per application and close it when done.
 */
public final class ClientRuntime implements Closeable {
  private final OkHttpClient okHttp;
  private final Retrofit retrofit;
  private final boolean ownsHttpClient;
  private final String description;

  ClientRuntime(MergeClientBuilder<?> b, ApiDescriptor api, String baseUrl, String accountToken) {
    this.ownsHttpClient = b.httpClient == null;
    OkHttpClient base = b.httpClient != null ? b.httpClient : new OkHttpClient();
    OkHttpClient.Builder builder = base.newBuilder()
        .connectTimeout(b.connectTimeout)
        .readTimeout(b.readTimeout)
        .writeTimeout(b.writeTimeout)
        // The SDK's RetryInterceptor decides every retry, so an unsafe POST is never silently repeated.
        .retryOnConnectionFailure(false);
    if (b.callTimeout != null) {
      builder.callTimeout(b.callTimeout);
    }
    Map<String, String> defaults = new LinkedHashMap<>(b.headers);
    defaults.put("User-Agent", UserAgent.of(b.userAgentSuffix));
    defaults.put("Accept", "application/json");
    builder.addInterceptor(new DefaultHeadersInterceptor(defaults));
    builder.addInterceptor(new AuthInterceptor(b.apiKey));
    if (accountToken != null) {
      builder.addInterceptor(new AccountTokenInterceptor(accountToken));
    }
    builder.addInterceptor(new RetryInterceptor(b.retryPolicy));
    if (b.logger != null) {
      builder.addInterceptor(new LoggingInterceptor(b.logger));
    }
    this.okHttp = builder.build();
    this.retrofit = new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(okHttp)
        .addCallAdapterFactory(new MergeCallAdapterFactory(Json.gson(), b.maxResponseBytes))
        .addConverterFactory(new MergeConverterFactory(Json.gson()))
        .build();
    this.description = api.name() + " client {baseUrl=" + Redaction.url(retrofit.baseUrl()) + ", retry=" + b.retryPolicy + ", accountToken="
        + (accountToken == null ? "none" : "***") + "}";
  }

  /** {@return the Retrofit instance the generated operation groups are created from} */
  public Retrofit retrofit() {
    return retrofit;
  }

  /** {@return the base URL requests are resolved against} */
  public String baseUrl() {
    return retrofit.baseUrl().toString();
  }

  /**
   * Releases threads and pooled connections if the SDK created the HTTP client; a caller-supplied client is left
   * running, since the caller owns it.
   */
  @Override
  public void close() {
    if (ownsHttpClient) {
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();
      try {
        okHttp.dispatcher().executorService().awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
