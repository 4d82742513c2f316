package dev.mergesdk.core;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Executes a prepared request on OkHttp and decodes the outcome: a model, or a typed exception. Whatever happens
 * below it, only a {@link MergeException} comes out, and the response is released.
 */
class RealMergeCall<T> implements MergeCall<T> {
  final Request request;
  final ClientContext client;
  final ResponseDecoder<T> decoder;
  final RequestOptions options;
  final boolean operationRepeatable;
  /** False for operations that need no credential ({@link NoAuth}): they are sent without any. */
  final boolean authenticated;

  RealMergeCall(Request request, ClientContext client, ResponseDecoder<T> decoder, RequestOptions options,
      boolean operationRepeatable, boolean authenticated) {
    this.request = request;
    this.client = client;
    this.decoder = decoder;
    this.options = options;
    this.operationRepeatable = operationRepeatable;
    this.authenticated = authenticated;
  }

  @Override
  public T execute() {
    return executeRaw().body();
  }

  @Override
  public ApiResponse<T> executeRaw() {
    Request prepared = prepared(request);
    Call call = newCall(prepared);
    CallEvents events = CallContext.of(prepared).events;
    events.callStart();
    Response response;
    try {
      response = call.execute();
    } catch (Exception e) {
      // IOException, a runtime exception from a caller's interceptor, or a checked InterruptedException that
      // OkHttp throws undeclared when the calling thread is interrupted while connecting.
      MergeException failure = ErrorMapping.forFailure(prepared, e);
      events.callEnd(failure);
      throw failure;
    }
    return decoded(prepared, response, events);
  }

  private ApiResponse<T> decoded(Request prepared, Response response, CallEvents events) {
    try {
      ApiResponse<T> decoded = decoder.decode(prepared, response);
      events.callEnd(null);
      return decoded;
    } catch (RuntimeException e) {
      events.callEnd(ErrorMapping.forFailure(prepared, e));
      throw e;
    }
  }

  @Override
  public CompletableFuture<T> executeAsync() {
    Request prepared = prepared(request);
    Call call = newCall(prepared);
    CallEvents events = CallContext.of(prepared).events;
    CompletableFuture<T> future = new CompletableFuture<T>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        // Also ends a retry that is waiting, which frees its dispatcher slot (see Timing).
        call.cancel();
        return cancelled;
      }
    };
    events.callStart();
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        MergeException failure = ErrorMapping.forFailure(prepared, e);
        events.callEnd(failure);
        future.completeExceptionally(failure);
      }

      @Override
      public void onResponse(Call c, Response response) {
        try {
          future.complete(decoded(prepared, response, events).body());
        } catch (RuntimeException e) {
          future.completeExceptionally(e);
        }
      }
    });
    return future;
  }

  @Override
  public MergeCall<T> with(RequestOptions options) {
    return new RealMergeCall<>(request, client, decoder, RequestExtras.checked(request, checked(options)),
        operationRepeatable, authenticated);
  }

  @Override
  public String method() {
    return request.method();
  }

  @Override
  public String url() {
    return Redaction.url(request.url());
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + method() + " " + url() + "}";
  }

  static RequestOptions checked(RequestOptions options) {
    if (options == null) {
      throw new NullPointerException("options must not be null");
    }
    return options;
  }

  /**
   * {@code base} with this call's options (extra query parameters and body members included) and a fresh
   * {@link CallContext}; interceptors add the client's defaults.
   *
   * @throws IllegalStateException when the operation needs the API key and the client was built without one
   */
  Request prepared(Request base) {
    if (authenticated && !client.hasApiKey) {
      throw new IllegalStateException(base.method() + " " + Redaction.url(base.url()) + " needs an API key, and this"
          + " client was built without one: set it with the client builder's apiKey(...)");
    }
    Request extended = RequestExtras.apply(base, options);
    Request.Builder builder = extended.newBuilder()
        .tag(RequestOptions.class, options)
        .tag(CallContext.class, client.newCall(extended, options, decoder, operationRepeatable,
            authenticated));
    for (Map.Entry<String, String> header : options.headers().entrySet()) {
      builder.header(header.getKey(), header.getValue());
    }
    String accountToken = options.accountToken().orElse(null);
    if (accountToken != null) {
      builder.header(AccountTokenInterceptor.HEADER, accountToken);
    }
    String idempotencyKey = options.idempotencyKey().orElse(null);
    if (idempotencyKey != null) {
      builder.header(RequestOptions.IDEMPOTENCY_KEY_HEADER, idempotencyKey);
    }
    return builder.build();
  }

  /**
   * The OkHttp call, its timeout covering the whole call, waits and body included: the explicit timeout, and for
   * a JSON call also the retry budget (so a server trickling bytes cannot stretch it). A download's body streams
   * to the caller after the call returns, so only an explicit timeout bounds it.
   */
  Call newCall(Request prepared) {
    Call call = client.callFactory.newCall(prepared);
    Duration explicit = client.explicitTimeout(options);
    Duration limit = explicit;
    if (!decoder.isDownload()) {
      Duration budget = options.retryPolicy().orElse(client.defaultPolicy).budget();
      limit = explicit == null || budget.compareTo(explicit) < 0 ? budget : explicit;
    }
    if (limit != null) {
      call.timeout().timeout(limit.toNanos(), TimeUnit.NANOSECONDS);
    }
    return call;
  }
}
