package dev.mergesdk.benchmarks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import dev.mergesdk.core.Expandable;
import dev.mergesdk.core.internal.Json;
import dev.mergesdk.filestorage.FileStorageClient;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** The two contenders, pointed at the run's loopback server: the SDK client, and bare OkHttp + Gson. */
final class Fixture {
  static final String API_KEY = "bench_api_key_0123456789";
  static final String ACCOUNT_TOKEN = "bench_account_token_0123456789";
  private static final MediaType JSON = MediaType.get("application/json");

  private Fixture() {
  }

  /** @return the loopback server's port, passed to every forked JVM */
  static int port() {
    String port = System.getProperty("bench.port");
    if (port == null) {
      throw new IllegalStateException("-Dbench.port is not set: run through dev.mergesdk.benchmarks.BenchmarkSuite");
    }
    return Integer.parseInt(port);
  }

  /** @return the base URL of a server scenario ({@code fixed}, or {@code pages/<total>}) */
  static String baseUrl(String scenario) {
    return "http://127.0.0.1:" + port() + "/" + scenario + "/";
  }

  /** @return the SDK client as an application builds it: defaults throughout (retry on, 64 MiB body limit) */
  static FileStorageClient sdk(String scenario) {
    return FileStorageClient.builder().apiKey(API_KEY).accountToken(ACCOUNT_TOKEN).baseUrl(baseUrl(scenario)).build();
  }

  /** @return a plain OkHttp client with OkHttp's defaults */
  static OkHttpClient bareHttp() {
    return new OkHttpClient();
  }

  /**
   * A plain {@code new GsonBuilder().create()} that can read the generated models. Their field types include two
   * that reflection cannot handle (java.time dates, and id-or-object references); for exactly those it borrows the
   * SDK's leaf adapters, so a timestamp or reference costs the same on both sides. Everything else is Gson's own
   * reflective decoding, without the SDK's unknown-field recording.
   */
  static Gson bareGson() {
    Gson sdkGson = Json.gson();
    return new GsonBuilder().registerTypeAdapterFactory(new TypeAdapterFactory() {
      @Override
      public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<?> raw = type.getRawType();
        if (raw == OffsetDateTime.class || raw == LocalDate.class || raw == Expandable.class) {
          return sdkGson.getAdapter(type);
        }
        return null;
      }
    }).create();
  }

  /** @return the bare request for a list page: the same URL and credentials the SDK sends */
  static Request bareListRequest(String scenario, String cursor) {
    HttpUrl.Builder url = HttpUrl.get(baseUrl(scenario)).newBuilder().addPathSegment(Sdk.LIST_PATH)
        .addQueryParameter("page_size", String.valueOf(Pages.PAGE_SIZE));
    if (cursor != null) {
      url.addQueryParameter("cursor", cursor);
    }
    return new Request.Builder().url(url.build())
        .header("Authorization", "Bearer " + API_KEY)
        .header("X-Account-Token", ACCOUNT_TOKEN)
        .header("Accept", "application/json")
        .build();
  }

  /** Figure 2's bare decode: the page's bytes in an OkHttp body, as after a network read, decoded by Gson. */
  static Object bareDecode(Gson gson, byte[] body) {
    try (ResponseBody responseBody = ResponseBody.create(body, JSON)) {
      return gson.fromJson(responseBody.charStream(), Sdk.PAGE);
    }
  }

  /** A bare call: execute, check the status, decode the body stream with Gson. */
  static <T> T bareGet(OkHttpClient http, Gson gson, Request request, Class<T> type) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code() + " from " + request.url());
      }
      ResponseBody body = response.body();
      return gson.fromJson(body.charStream(), type);
    }
  }
}
