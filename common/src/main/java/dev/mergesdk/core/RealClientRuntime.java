package dev.mergesdk.core;

import dev.mergesdk.core.internal.Json;

import dev.mergesdk.core.internal.ApiDescriptor;
import dev.mergesdk.core.internal.ClientRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Authenticator;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * The {@link ClientRuntime} of every client: the HTTP stack, OkHttp with the SDK's interceptors, and Retrofit wired to the SDK's call adapter
 * and converters. Thread-safe; share one per application and close it when done.
 */
final class RealClientRuntime implements ClientRuntime {
  private final OkHttpClient okHttp;
  private final Retrofit retrofit;
  private final boolean ownsHttpClient;
  private final String description;
  private final ClientContext context;
  /** Created on first use: most applications never make a raw request. */
  private volatile RawApi raw;

  RealClientRuntime(MergeClientBuilder<?> b, ApiDescriptor api, String baseUrl, String accountToken) {
    this.ownsHttpClient = b.httpClient == null;
    OkHttpClient base = b.httpClient != null ? b.httpClient : new OkHttpClient();
    OkHttpClient.Builder builder = base.newBuilder()
        .connectTimeout(b.connectTimeout)
        .readTimeout(b.readTimeout)
        .writeTimeout(b.writeTimeout)
        // Only the SDK sends a request again: RetryInterceptor decides every retry, RedirectInterceptor every
        // redirect, and an authentication challenge is an error, never a silent re-send of a write.
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .authenticator(Authenticator.NONE);
    if (b.callTimeout != null) {
      builder.callTimeout(b.callTimeout);
    }
    Map<String, String> defaults = new LinkedHashMap<>(b.headers);
    defaults.put("User-Agent", UserAgent.of(b.userAgentSuffix));
    defaults.put("Accept", "application/json");
    // The order is the pipeline: headers and credentials first, so every attempt carries them; then the attempts,
    // each following (or refusing) redirects; then the log of every request that goes out.
    builder.addInterceptor(new DefaultHeadersInterceptor(defaults));
    builder.addInterceptor(new AuthInterceptor(b.apiKey));
    if (accountToken != null) {
      builder.addInterceptor(new AccountTokenInterceptor(accountToken));
    }
    builder.addInterceptor(new RetryInterceptor(b.random));
    builder.addInterceptor(new RedirectInterceptor());
    builder.addInterceptor(new LoggingInterceptor());
    builder.addNetworkInterceptor(new FollowUpGuard());
    this.okHttp = builder.build();
    List<String> secrets = new ArrayList<>();
    if (b.apiKey != null) {
      secrets.add(b.apiKey);
    }
    if (accountToken != null) {
      secrets.add(accountToken);
    }
    for (Map.Entry<String, String> header : b.headers.entrySet()) {
      if (Redaction.isSecret(header.getKey())) {
        secrets.add(header.getValue());
      }
    }
    this.context = new ClientContext(okHttp, b.retryPolicy, b.callTimeout, SecretScrubber.of(secrets), b.logger,
        b.timing, b.maxResponseBytes, b.apiKey != null, b.callListener, b.strictDecoding,
        !base.interceptors().isEmpty());
    this.retrofit = new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(okHttp)
        .addCallAdapterFactory(new MergeCallAdapterFactory(Json.gson(), context))
        .addConverterFactory(new MergeConverterFactory(Json.gson()))
        .build();
    this.description = api.name() + " client {baseUrl=" + Redaction.url(retrofit.baseUrl()) + ", retry=" + b.retryPolicy + ", accountToken="
        + (accountToken == null ? "none" : "***") + "}";
  }

  @Override
  public String scrub(String untrusted, RequestOptions options) {
    return context.scrubberFor(options, null).scrub(untrusted);
  }

  @Override
  public Retrofit retrofit() {
    return retrofit;
  }

  /** {@return requests by path, for what the spec does not describe yet, on this runtime} */
  public RawApi raw() {
    RawApi api = raw;
    if (api == null) {
      synchronized (this) {
        api = raw;
        if (api == null) {
          api = new RawApi(context, retrofit.baseUrl(), Json.gson());
          raw = api;
        }
      }
    }
    return api;
  }

  @Override
  public String baseUrl() {
    return retrofit.baseUrl().toString();
  }

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
