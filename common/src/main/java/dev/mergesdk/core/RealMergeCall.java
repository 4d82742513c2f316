package dev.mergesdk.core;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;

/** Executes a prepared request on OkHttp and decodes the outcome: a model, or a typed exception. */
class RealMergeCall<T> implements MergeCall<T> {
  final Request request;
  final Call.Factory callFactory;
  final ResponseDecoder<T> decoder;
  final RequestOptions options;

  RealMergeCall(Request request, Call.Factory callFactory, ResponseDecoder<T> decoder, RequestOptions options) {
    this.request = request;
    this.callFactory = callFactory;
    this.decoder = decoder;
    this.options = options;
  }

  @Override
  public T execute() {
    return executeRaw().body();
  }

  @Override
  public ApiResponse<T> executeRaw() {
    Request prepared = prepared();
    Call call = newCall(prepared);
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw failure(prepared, e);
    }
    return decoder.decode(prepared, response);
  }

  @Override
  public CompletableFuture<T> executeAsync() {
    Request prepared = prepared();
    Call call = newCall(prepared);
    CompletableFuture<T> future = new CompletableFuture<T>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        call.cancel();
        return super.cancel(mayInterruptIfRunning);
      }
    };
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        future.completeExceptionally(failure(prepared, e));
      }

      @Override
      public void onResponse(Call c, Response response) {
        try {
          future.complete(decoder.decode(prepared, response).body());
        } catch (RuntimeException e) {
          future.completeExceptionally(e);
        }
      }
    });
    return future;
  }

  @Override
  public MergeCall<T> with(RequestOptions options) {
    return new RealMergeCall<>(request, callFactory, decoder, checked(options));
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

  /** The request with this call's options applied; the interceptors fill in the client's defaults. */
  Request prepared() {
    Request.Builder builder = request.newBuilder().tag(RequestOptions.class, options);
    if (decoder.buffersBody()) {
      builder.tag(RetryInterceptor.BufferedBody.class, new RetryInterceptor.BufferedBody(decoder));
    }
    for (Map.Entry<String, String> header : options.headers().entrySet()) {
      builder.header(header.getKey(), header.getValue());
    }
    options.accountToken().ifPresent(token -> builder.header(AccountTokenInterceptor.HEADER, token));
    options.idempotencyKey().ifPresent(key -> builder.header(RequestOptions.IDEMPOTENCY_KEY_HEADER, key));
    return builder.build();
  }

  private Call newCall(Request prepared) {
    Call call = callFactory.newCall(prepared);
    options.timeout().ifPresent(t -> call.timeout().timeout(t.toMillis(), TimeUnit.MILLISECONDS));
    return call;
  }

  static MergeException failure(Request request, IOException e) {
    String what = request.method() + " " + Redaction.url(request.url());
    if (isTimeout(e)) {
      return new MergeTimeoutException("timed out: " + what + " (" + e.getMessage() + ")", e);
    }
    return new NetworkException("network failure: " + what + " (" + e.getClass().getSimpleName() + ": "
        + e.getMessage() + ")", e);
  }

  /** A connect, read or write timeout, or the call timeout. */
  static boolean isTimeout(IOException e) {
    return e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && String.valueOf(e.getMessage()).contains("timeout"));
  }
}
