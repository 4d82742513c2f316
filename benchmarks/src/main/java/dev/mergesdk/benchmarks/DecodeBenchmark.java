package dev.mergesdk.benchmarks;

import com.google.gson.Gson;
import dev.mergesdk.core.DecodeProbe;
import java.util.concurrent.TimeUnit;
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
 * Figure 2: decoding the fixed page's bytes into models, no network. Both start from an OkHttp response body
 * holding the bytes, as after a network read. {@code sdk}: the SDK's own response decoder (buffering, content
 * checks, unknown-field recording, Gson binding). {@code bare}: Gson on the body's character stream.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {
  private byte[] body;
  private DecodeProbe<?> probe;
  private Gson gson;

  @Setup
  public void setUp() {
    body = Pages.fixedPage();
    probe = new DecodeProbe<>(Sdk.PAGE, "http://127.0.0.1/" + Sdk.LIST_PATH);
    gson = Fixture.bareGson();
    Checks.samePage(sdk(), bare());
  }


  @Setup(Level.Iteration)
  public void takeTurn(BenchmarkParams params) {
    Turns.take(params);
  }

  @TearDown
  public void tearDown(BenchmarkParams params) {
    Turns.done(params);
  }

  @Benchmark
  public Object sdk() {
    return probe.decode(body);
  }

  @Benchmark
  public Object bare() {
    return Fixture.bareDecode(gson, body);
  }
}
