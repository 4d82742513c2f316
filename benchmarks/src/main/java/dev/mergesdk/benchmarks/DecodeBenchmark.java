package dev.mergesdk.benchmarks;

import com.google.gson.Gson;
import dev.mergesdk.core.DecodeProbe;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Figure 2: decoding the fixed page's bytes into models, no network. {@code sdk}: the SDK's own response decoder
 * (buffering, content checks, unknown-field recording, Gson binding). {@code bare}: Gson alone on the same bytes.
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

  @Benchmark
  public Object sdk() {
    return probe.decode(body);
  }

  @Benchmark
  public Object bare() {
    return gson.fromJson(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8), Sdk.PAGE);
  }
}
