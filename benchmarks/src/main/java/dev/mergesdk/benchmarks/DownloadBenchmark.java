package dev.mergesdk.benchmarks;

import dev.mergesdk.core.Download;
import dev.mergesdk.filestorage.FileStorageClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Okio;
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
 * Figure 3: one streamed download of {@code bench.downloadBytes} (1 GiB in the full run) per operation.
 * {@code sdk}: {@code files().download(id).execute().inputStream()} read to the end into a 64 KiB buffer that is
 * thrown away. {@code bare}: a plain OkHttp call whose body source is drained into Okio's blackhole sink.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DownloadBenchmark {
  private final long size = Long.getLong("bench.downloadBytes", 1L << 30);
  private final byte[] buffer = new byte[64 * 1024];
  private FileStorageClient sdk;
  private OkHttpClient bare;
  private Request bareRequest;

  @Setup
  public void setUp() {
    sdk = Fixture.sdk("fixed");
    bare = Fixture.bareHttp();
    bareRequest = new Request.Builder().url(Fixture.baseUrl("fixed") + "files/" + size + "/download")
        .header("Authorization", "Bearer " + Fixture.API_KEY)
        .header("X-Account-Token", Fixture.ACCOUNT_TOKEN)
        .build();
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
  public long sdk() throws IOException {
    long total = 0;
    try (Download download = sdk.files().download(String.valueOf(size)).execute();
        InputStream in = download.inputStream()) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        total += n;
      }
    }
    return Checks.length(total, size);
  }

  @Benchmark
  public long bare() throws IOException {
    try (Response response = bare.newCall(bareRequest).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      return Checks.length(response.body().source().readAll(Okio.blackhole()), size);
    }
  }
}
