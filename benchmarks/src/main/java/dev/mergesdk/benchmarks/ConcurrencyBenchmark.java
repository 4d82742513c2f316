package dev.mergesdk.benchmarks;

import com.google.gson.Gson;
import dev.mergesdk.filestorage.FileStorageClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
 * Figure 5: one operation is a fixed batch of {@code 64 x bench.callsPerThread} list-page calls, made by 64
 * threads that share one client and start together. Every call must return the full page; failures are counted
 * (never retried by the benchmark) and reported per benchmark in {@code bench.out}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConcurrencyBenchmark {
  static final int THREADS = 64;
  private final int callsPerThread = Integer.getInteger("bench.callsPerThread", 100);
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private ExecutorService pool;
  private FileStorageClient sdk;
  private OkHttpClient bare;
  private Gson gson;
  private Request bareRequest;

  @Setup
  public void setUp() {
    pool = Executors.newFixedThreadPool(THREADS);
    sdk = Fixture.sdk("fixed");
    bare = Fixture.bareHttp();
    gson = Fixture.bareGson();
    bareRequest = Fixture.bareListRequest("fixed", null);
  }

  @Setup(Level.Iteration)
  public void takeTurn(BenchmarkParams params) {
    Turns.take(params);
  }

  @TearDown
  public void tearDown(BenchmarkParams params) throws IOException {
    Turns.done(params);
    pool.shutdownNow();
    sdk.close();
    bare.dispatcher().executorService().shutdown();
    bare.connectionPool().evictAll();
    String out = System.getProperty("bench.out");
    if (out != null) {
      String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
      String line = "calls=" + calls.get() + " errors=" + errors.get()
          + (firstError.get() == null ? "" : " first=" + firstError.get().replaceAll("\\s+", " ")) + "\n";
      Files.write(Path.of(out, "concurrency-" + name + ".txt"), line.getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  @Benchmark
  public long sdk() throws Exception {
    return batch(() -> Checks.items(Sdk.list(sdk).execute()));
  }

  @Benchmark
  public long bare() throws Exception {
    return batch(() -> Checks.items(Fixture.bareGet(bare, gson, bareRequest, Sdk.PAGE)));
  }

  private long batch(Callable<Integer> call) throws InterruptedException, ExecutionException {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Long>> done = new ArrayList<>(THREADS);
    for (int t = 0; t < THREADS; t++) {
      done.add(pool.submit(() -> {
        start.await();
        long items = 0;
        for (int i = 0; i < callsPerThread; i++) {
          calls.incrementAndGet();
          try {
            items += call.call();
          } catch (Exception | AssertionError e) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, e.toString());
          }
        }
        return items;
      }));
    }
    start.countDown();
    long items = 0;
    for (Future<Long> f : done) {
      items += f.get();
    }
    return items;
  }
}
