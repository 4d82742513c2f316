package dev.mergesdk.core;

import dev.mergesdk.core.internal.Json;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Benchmark access to the SDK's own response decoding (package-private {@link ResponseDecoder}), so decode
 * throughput is measured on exactly the code a call runs, minus the network: content checks, tolerant reading,
 * unknown-field recording and Gson binding.
 *
 * @param <T> the model
 */
public final class DecodeProbe<T> {
  private static final MediaType JSON = MediaType.get("application/json");
  private final ResponseDecoder<T> decoder;
  private final Request request;

  /**
   * @param type the model class
   * @param url the request URL reported in errors
   */
  public DecodeProbe(Class<T> type, String url) {
    long max = 64L * 1024 * 1024;
    this.decoder = new ResponseDecoder<>(type, Json.gson(), max);
    // The request of a call as a default client makes it, so the body is read as every call reads it: tolerant
    // reading on, unknown fields recorded, no listener.
    ClientContext client = new ClientContext(null, RetryPolicy.defaults(), null, SecretScrubber.NONE, null,
        Timing.SYSTEM, max, true, CallListener.NONE, false, false);
    Request base = new Request.Builder().url(url).build();
    this.request = base.newBuilder()
        .tag(CallContext.class, client.newCall(base, RequestOptions.none(), decoder, true, true))
        .build();
  }

  /**
   * @param body a JSON response body
   * @return the decoded model, as {@code execute()} would return it
   */
  public T decode(byte[] body) {
    Response response = new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .header("Content-Type", "application/json")
        .body(ResponseBody.create(body, JSON))
        .build();
    return decoder.decode(request, response).body();
  }
}
