package dev.mergesdk.benchmarks;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import dev.mergesdk.core.DecodeProbe;
import dev.mergesdk.core.internal.Json;
import dev.mergesdk.core.internal.UnknownFields;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okio.Buffer;

/**
 * What each decoding promise costs: the fixed page decoded by bare Gson, then by the SDK's Gson with one promise
 * switched on at a time, in one JVM, in alternating order over rounds (median pages/s per layer, ratio to bare).
 * Figure 2 judges the last layer; this splits its gap so the note on it can say which promise pays for what.
 * Run with {@code java -cp benchmarks/target/benchmarks.jar dev.mergesdk.benchmarks.DecodeLayers}.
 */
public final class DecodeLayers {
  private static final long ROUND_NANOS = 700_000_000L;
  private static final int ROUNDS = 10;
  private static final int WARM_ROUNDS = 3;

  private DecodeLayers() {
  }

  private interface Layer {
    Object decode() throws IOException;
  }

  /** @param args none */
  public static void main(String[] args) throws IOException {
    byte[] body = Pages.fixedPage();
    Gson bare = Fixture.bareGson();
    TypeAdapter<?> sdk = Json.gson().getAdapter(Sdk.PAGE);
    DecodeProbe<?> probe = new DecodeProbe<>(Sdk.PAGE, "http://127.0.0.1/" + Sdk.LIST_PATH);
    Map<String, Layer> layers = new LinkedHashMap<>();
    layers.put("bare Gson", () -> bare.fromJson(text(body), Sdk.PAGE));
    layers.put("SDK adapters, plain reader (promises off)", () -> sdk.read(new JsonReader(text(body))));
    layers.put("+ unknown fields kept (strictDecoding)", () -> sdk.read(UnknownFields.newReader(text(body), false, null)));
    layers.put("+ tolerant reading (default)", () -> sdk.read(UnknownFields.newReader(text(body), true, null)));
    layers.put("+ response checks (a call's decoder)", () -> probe.decode(body));
    Checks.samePage(layers.get("bare Gson").decode(), layers.get("+ response checks (a call's decoder)").decode());

    List<String> names = new ArrayList<>(layers.keySet());
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    names.forEach(name -> rates.put(name, new ArrayList<>()));
    for (int round = 0; round < ROUNDS; round++) {
      List<String> order = new ArrayList<>(names);
      if (round % 2 == 1) {
        Collections.reverse(order);
      }
      for (String name : order) {
        Layer layer = layers.get(name);
        long start = System.nanoTime();
        int pages = 0;
        while (System.nanoTime() - start < ROUND_NANOS) {
          layer.decode();
          pages++;
        }
        if (round >= WARM_ROUNDS) {
          rates.get(name).add(pages / ((System.nanoTime() - start) / 1e9));
        }
      }
    }
    double base = BenchmarkSuite.Pair.median(rates.get(names.get(0)));
    System.out.println(Machine.describe());
    System.out.printf(Locale.ROOT, "%-44s %12s %10s%n", "layer", "pages/s", "vs bare");
    for (String name : names) {
      double rate = BenchmarkSuite.Pair.median(rates.get(name));
      System.out.printf(Locale.ROOT, "%-44s %,12.0f %9.3fx%n", name, rate, rate / base);
    }
  }

  private static Reader text(byte[] body) {
    return new InputStreamReader(new Buffer().write(body).inputStream(), StandardCharsets.UTF_8);
  }
}
