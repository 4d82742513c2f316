package dev.mergesdk.core;

import dev.mergesdk.core.internal.Json;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Benchmark access to the SDK's own response decoding (package-private {@link ResponseDecoder}), so decode
 * throughput is measured on exactly the code a call runs, minus the network: body buffering, content checks,
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
    this.decoder = new ResponseDecoder<>(type, Json.gson(), 64L * 1024 * 1024);
    this.request = new Request.Builder().url(url).build();
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
