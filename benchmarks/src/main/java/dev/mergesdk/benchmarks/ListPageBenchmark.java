package dev.mergesdk.benchmarks;

import com.google.gson.Gson;
import dev.mergesdk.filestorage.FileStorageClient;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Figure 1: one {@code GET /files?page_size=100} returning the fixed 100-file page, decoded into the generated
 * page model. {@code sdk}: {@code client.files().list(params).execute()}. {@code bare}: the same URL and
 * credentials on a plain OkHttpClient, body decoded by Gson from the response stream.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ListPageBenchmark {
  private FileStorageClient sdk;
  private OkHttpClient bare;
  private Gson gson;
  private Request bareRequest;

  @Setup
  public void setUp() throws IOException {
    sdk = Fixture.sdk("fixed");
    bare = Fixture.bareHttp();
    gson = Fixture.bareGson();
    bareRequest = Fixture.bareListRequest("fixed", null);
    Checks.samePage(sdk(), bare());
  }


  @Setup(Level.Iteration)
  public void takeTurn(BenchmarkParams params) {
    Turns.take(params);
  }

  @TearDown
  public void tearDown(BenchmarkParams params) {
    Turns.done(params);
    sdk.close();
    bare.dispatcher().executorService().shutdown();
    bare.connectionPool().evictAll();
  }

  @Benchmark
  public Object sdk() {
    return Sdk.list(sdk).execute();
  }

  @Benchmark
  public Object bare() throws IOException {
    return Fixture.bareGet(bare, gson, bareRequest, Sdk.PAGE);
  }
}
