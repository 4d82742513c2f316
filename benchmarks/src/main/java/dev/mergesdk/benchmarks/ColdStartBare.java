package dev.mergesdk.benchmarks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import dev.mergesdk.core.Expandable;
import dev.mergesdk.core.internal.Json;
import dev.mergesdk.filestorage.model.PaginatedFileList;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Figure 8, the bare peer: a fresh JVM that makes the suite's bare call once ({@code new OkHttpClient()}, the same
 * URL and credentials headers, Gson on the body stream into the same generated model, with the same two borrowed
 * leaf adapters as {@link Fixture#bareGson()}), then reports when it returned. Started by {@link BenchmarkSuite};
 * it repeats {@link Fixture}'s few lines rather than loading that class, which also refers to the SDK client.
 */
public final class ColdStartBare {
  private ColdStartBare() {
  }

  /**
   * @param args none; {@code -Dbench.port} names the loopback server
   * @throws IOException when the call fails, which fails the figure
   */
  public static void main(String[] args) throws IOException {
    long mainNanos = System.nanoTime();
    Instant mainAt = Instant.now();
    String url = "http://127.0.0.1:" + Integer.getInteger("bench.port") + "/fixed/files?page_size=100";
    OkHttpClient http = new OkHttpClient();
    long httpNanos = System.nanoTime();
    Gson sdkGson = Json.gson();
    long jsonNanos = System.nanoTime();
    Gson gson = new GsonBuilder().registerTypeAdapterFactory(new TypeAdapterFactory() {
      @Override
      public <T> TypeAdapter<T> create(Gson g, TypeToken<T> type) {
        Class<?> raw = type.getRawType();
        return raw == OffsetDateTime.class || raw == LocalDate.class || raw == Expandable.class ? sdkGson.getAdapter(type) : null;
      }
    }).create();
    long builtNanos = System.nanoTime();
    Request request = new Request.Builder().url(url)
        .header("Authorization", "Bearer bench_api_key_0123456789")
        .header("X-Account-Token", "bench_account_token_0123456789")
        .header("Accept", "application/json")
        .build();
    PaginatedFileList page;
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code() + " from " + request.url());
      }
      page = gson.fromJson(response.body().charStream(), PaginatedFileList.class);
    }
    long doneNanos = System.nanoTime();
    Instant doneAt = Instant.now();
    ColdStart.report(mainAt, doneAt, builtNanos - mainNanos, doneNanos - mainNanos, page.getResults().size());
    System.out.println("cold.okHttpMicros=" + (httpNanos - mainNanos) / 1000);
    System.out.println("cold.sdkJsonMicros=" + (jsonNanos - httpNanos) / 1000);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
