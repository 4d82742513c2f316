package dev.mergesdk.core;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A raw request's call: the response's JSON, or {@code JsonNull} for a response without a body. */
final class RawCall implements MergeCall<JsonElement> {
  private final MergeCall<Optional<JsonElement>> call;

  RawCall(MergeCall<Optional<JsonElement>> call) {
    this.call = call;
  }

  @Override
  public JsonElement execute() {
    return call.execute().orElse(JsonNull.INSTANCE);
  }

  @Override
  public ApiResponse<JsonElement> executeRaw() {
    ApiResponse<Optional<JsonElement>> response = call.executeRaw();
    return new ApiResponse<>(response.statusCode(), response.headers(), response.body().orElse(JsonNull.INSTANCE));
  }

  @Override
  public CompletableFuture<JsonElement> executeAsync() {
    CompletableFuture<Optional<JsonElement>> future = call.executeAsync();
    CompletableFuture<JsonElement> mapped = future.thenApply(body -> body.orElse(JsonNull.INSTANCE));
    // Cancelling what the caller holds cancels the request, as for every other call.
    mapped.whenComplete((value, failure) -> {
      if (mapped.isCancelled()) {
        future.cancel(true);
      }
    });
    return mapped;
  }

  @Override
  public MergeCall<JsonElement> with(RequestOptions options) {
    return new RawCall(call.with(options));
  }

  @Override
  public String method() {
    return call.method();
  }

  @Override
  public String url() {
    return call.url();
  }

  @Override
  public String toString() {
    return "RawCall{" + method() + " " + url() + "}";
  }
}
