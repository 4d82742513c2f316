package dev.mergesdk.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of the SDK against its bare peer on one loopback server, then prints one table: figure,
 * SDK value, peer value, ratio, target, PASS/MISS.
 *
 * <pre>
 * mvn -q -Pbenchmarks -pl benchmarks -am package -DskipTests   builds the jar
 * java -jar benchmarks/target/benchmarks.jar            full run (the figures in BENCHMARKS.md), ~15 min
 * java -jar benchmarks/target/benchmarks.jar --quick    smoke run: tiny sizes and iteration counts, ~2 min
 * options: --only=list,decode,download,paging,concurrency,alloc,coldstart,build   --skip-build   --build (with --quick)
 * -Dbench.prof=gc,stack (before -jar) adds JMH profilers; their output is in the JMH logs
 * </pre>
 *
 * <p>Each pair (SDK, bare) is measured side by side in the same run, in alternating order over several rounds
 * (each round a fresh JMH fork per contender), so drift in a busy machine's load does not favour either side.
 * JMH's own output goes to {@code benchmarks/target/bench/} (or {@code -Dbench.out}).
 */
public final class BenchmarkSuite {
  private static final List<String> ALL =
      List.of("list", "decode", "download", "paging", "concurrency", "alloc", "coldstart", "build");
  private static final double MIB = 1024.0 * 1024.0;

  private final boolean quick;
  private final Set<String> only;
  private final Path out;
  private final PrintStream log;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private int port;

  private BenchmarkSuite(boolean quick, Set<String> only, Path out) throws IOException {
    this.quick = quick;
    this.only = only;
    this.out = out;
    Files.createDirectories(out);
    this.log = new PrintStream(Files.newOutputStream(out.resolve("suite.log")), true, StandardCharsets.UTF_8);
  }

  /**
   * @param args {@code --quick}, {@code --only=...}, {@code --skip-build}, {@code --build}
   * @throws Exception when the run itself cannot proceed
   */
  public static void main(String[] args) throws Exception {
    // The two contenders of a figure run as two JMH runs at once (see pair()); JMH's run lock would refuse that.
    System.setProperty("jmh.ignoreLock", "true");
    List<String> list = Arrays.asList(args);
    boolean quick = list.contains("--quick");
    Set<String> only = new LinkedHashSet<>(ALL);
    for (String arg : list) {
      if (arg.startsWith("--only=")) {
        only = new LinkedHashSet<>(Arrays.asList(arg.substring(7).split(",")));
        only.removeIf(s -> !ALL.contains(s));
      } else if (!arg.equals("--quick") && !arg.equals("--skip-build") && !arg.equals("--build")) {
        System.err.println("unknown option " + arg + "; use --quick, --only=" + String.join(",", ALL)
            + ", --skip-build, --build");
        System.exit(2);
      }
    }
    if (list.contains("--skip-build") || (quick && !list.contains("--build"))) {
      only.remove("build");
    }
    Path out = Path.of(System.getProperty("bench.out",
        Files.isDirectory(Path.of("benchmarks", "target")) ? "benchmarks/target/bench" : "target/bench")).toAbsolutePath();
    new BenchmarkSuite(quick, only, out).run();
  }

  private void run() throws Exception {
    String started = Instant.now().toString();
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    say("Merge SDK benchmarks, " + (quick ? "QUICK smoke run (sizes and iterations cut: not for the record)" : "full run")
        + "; details in " + out);
    try (LoopbackServer server = new LoopbackServer()) {
      port = server.port();
      say("loopback server on 127.0.0.1:" + port + "; fixed page " + server.fixedPage().length + " bytes");
      if (only.contains("list")) {
        listPage(server.fixedPage().length);
      }
      if (only.contains("decode")) {
        decode(server.fixedPage().length);
      }
      if (only.contains("download")) {
        download();
      }
      if (only.contains("paging")) {
        paging();
      }
      if (only.contains("concurrency")) {
        concurrency();
      }
      if (only.contains("alloc")) {
        allocation();
      }
      if (only.contains("coldstart")) {
        coldStart();
      }
    }
    if (only.contains("build")) {
      build();
    }
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    String machine = Machine.describe() + String.format(Locale.ROOT, "; load average %.2f at start, %.2f at end",
        loadBefore, loadAfter);
    String table = Row.table(rows);
    StringBuilder md = new StringBuilder()
        .append("Run: ").append(started).append(quick ? " (quick smoke run)" : " (full run)").append('\n')
        .append("Machine: ").append(machine).append("\n\n")
        .append(Row.markdown(rows)).append('\n');
    for (String note : notes) {
      md.append("- ").append(note).append('\n');
    }
    Files.writeString(out.resolve("results.md"), md.toString());
    System.out.println();
    System.out.println("Machine: " + machine);
    System.out.println(table);
    for (String note : notes) {
      System.out.println("  - " + note);
    }
    System.out.println("(markdown: " + out.resolve("results.md") + ")");
  }

  // ---- figure 1 ---------------------------------------------------------------------------------------------

  private void listPage(int pageBytes) {
    say("[1] per-call overhead: list one page, SDK vs bare OkHttp + Gson");
    Pair p = pair(ListPageBenchmark.class, quick ? 1 : 5, b -> timed(b, quick ? 1 : 5, 1, quick ? 2 : 5, 1));
    if (p.failed()) {
      rows.add(Row.error("1", "Per call: list a page of 100 files", p.error));
      return;
    }
    double ratio = p.ratio(false);
    rows.add(new Row("1", String.format(Locale.ROOT, "Per call: list a page of 100 files (%.1f KB JSON)", pageBytes / 1000.0),
        String.format(Locale.ROOT, "%.0f us/call", p.sdkValue()), String.format(Locale.ROOT, "%.0f us/call", p.bareValue()),
        ratio, "<= 1.03x", ratio <= 1.03));
    notes.add("1: " + p.describe(false, "us/call"));
  }

  // ---- figure 2 ---------------------------------------------------------------------------------------------

  private void decode(int pageBytes) {
    say("[2] decode throughput: the page's bytes into models");
    Pair p = pair(DecodeBenchmark.class, quick ? 1 : 5, b -> timed(b, quick ? 1 : 5, 1, quick ? 2 : 5, 1));
    if (p.failed()) {
      rows.add(Row.error("2", "Decode a page into models", p.error));
      return;
    }
    double ratio = p.ratio(false);
    rows.add(new Row("2", "Decode the page into models (no network)",
        String.format(Locale.ROOT, "%,.0f pages/s = %.0f MB/s", p.sdkValue(), p.sdkValue() * pageBytes / 1e6),
        String.format(Locale.ROOT, "%,.0f pages/s = %.0f MB/s", p.bareValue(), p.bareValue() * pageBytes / 1e6),
        ratio, ">= 1.00x", ratio >= 1.00));
    notes.add(String.format(Locale.ROOT, "2: SDK decode = %,.0f files/s; %s", p.sdkValue() * Pages.PAGE_SIZE,
        p.describe(false, "pages/s")));
  }

  // ---- figure 3 ---------------------------------------------------------------------------------------------

  private void download() throws IOException, InterruptedException {
    long size = quick ? 64L << 20 : 1L << 30;
    String label = quick ? "64 MiB" : "1 GiB";
    say("[3] streaming download of " + label + ": throughput (JMH) and heap growth (separate JVM)");
    Pair p = pair(DownloadBenchmark.class, quick ? 1 : 5,
        b -> shots(b, quick ? 1 : 2, quick ? 2 : 3).jvmArgsAppend("-Dbench.downloadBytes=" + size));
    if (p.failed()) {
      rows.add(Row.error("3a", "Download " + label + ": throughput", p.error));
    } else {
      double sdkMBps = size / (p.sdkValue() / 1000) / 1e6;
      double bareMBps = size / (p.bareValue() / 1000) / 1e6;
      double ratio = p.ratio(true);
      rows.add(new Row("3a", "Download " + label + ": throughput",
          String.format(Locale.ROOT, "%,.0f MB/s", sdkMBps), String.format(Locale.ROOT, "%,.0f MB/s", bareMBps),
          ratio, ">= 0.90x", ratio >= 0.90));
      notes.add("3a: " + p.describe(true, "ms per download"));
    }
    Map<String, Double> probe = probe("download", List.of("-Dbench.downloadBytes=" + size));
    Double growth = probe.get("download.sdk.growthMiB");
    if (growth == null) {
      rows.add(Row.error("3b", "Download " + label + ": heap growth", "probe failed, see suite.log"));
      return;
    }
    rows.add(new Row("3b", "Download " + label + ": heap growth (peak - before)",
        String.format(Locale.ROOT, "%.1f MiB", growth),
        String.format(Locale.ROOT, "%.1f MiB", probe.get("download.bare.growthMiB")),
        null, "< 32 MiB", growth < 32));
    notes.add(String.format(Locale.ROOT, "3b: allocated by the reading thread during the download: SDK %.1f MiB, bare %.1f MiB;"
            + " heap before: SDK %.1f MiB, bare %.1f MiB (heap sampled every 1 ms, no GC forced)",
        probe.get("download.sdk.allocatedMiB"), probe.get("download.bare.allocatedMiB"),
        probe.get("download.sdk.baseMiB"), probe.get("download.bare.baseMiB")));
  }

  // ---- figure 4 ---------------------------------------------------------------------------------------------

  private void paging() throws IOException, InterruptedException {
    long small = quick ? 10_000 : 100_000;
    long large = quick ? 100_000 : 1_000_000;
    int rounds = quick ? 1 : 2;
    say("[4] auto-paging " + large + " items over " + large / Pages.PAGE_SIZE + " pages; each contender in its own JVM"
        + " (-Xmx512m -Xmn64m), " + rounds + " round(s)");
    Pair rate = new Pair();
    double livePeakLarge = 0;
    double livePeakSmall = 0;
    double sampledLarge = 0;
    double sampledSmall = 0;
    for (int round = 1; round <= rounds; round++) {
      Stats roundSdk = new Stats();
      Stats roundBare = new Stats();
      for (String who : round % 2 == 1 ? List.of("bare", "sdk") : List.of("sdk", "bare")) {
        Map<String, Double> probe = probe("paging-" + who,
            List.of("-Dbench.pagingItems=" + (who.equals("sdk") ? small + "," + large : String.valueOf(large))));
        Double itemsPerSec = probe.get("paging." + who + "." + large + ".itemsPerSec");
        if (itemsPerSec == null) {
          rows.add(Row.error("4", "Auto-paging", "the " + who + " probe failed, see suite.log"));
          return;
        }
        (who.equals("sdk") ? roundSdk : roundBare).add(itemsPerSec);
        if (who.equals("sdk")) {
          livePeakLarge = Math.max(livePeakLarge, probe.get("paging.sdk." + large + ".livePeakMiB"));
          livePeakSmall = Math.max(livePeakSmall, probe.get("paging.sdk." + small + ".livePeakMiB"));
          sampledLarge = Math.max(sampledLarge, probe.get("paging.sdk." + large + ".sampledPeakMiB"));
          sampledSmall = Math.max(sampledSmall, probe.get("paging.sdk." + small + ".sampledPeakMiB"));
        }
      }
      rate.add(roundSdk, roundBare);
    }
    rows.add(new Row("4a", String.format(Locale.ROOT, "Auto-paging %,d items / %,d pages", large, large / Pages.PAGE_SIZE),
        String.format(Locale.ROOT, "%,.0f items/s", rate.sdkValue()), String.format(Locale.ROOT, "%,.0f items/s", rate.bareValue()),
        rate.ratio(false), "report", null));
    notes.add("4a: " + rate.describe(false, "items/s"));
    double grew = livePeakLarge - livePeakSmall;
    rows.add(new Row("4b", String.format(Locale.ROOT, "Auto-paging peak live heap: %,d vs %,d items", large, small),
        String.format(Locale.ROOT, "%.1f MiB", livePeakLarge), String.format(Locale.ROOT, "%.1f MiB", livePeakSmall),
        livePeakLarge / livePeakSmall, "+ < 4 MiB", grew < 4));
    notes.add(String.format(Locale.ROOT, "4b: live heap = heap in use after a full GC forced at every tenth of the walk, "
            + "iterator open, highest over the rounds; difference %+.2f MiB (a leak of one 8-byte reference per item "
            + "would add 6.9 MiB). Highest heap use sampled every 1 ms, garbage included: %.1f MiB vs %.1f MiB",
        grew, sampledLarge, sampledSmall));
  }

  // ---- figure 5 ---------------------------------------------------------------------------------------------

  private void concurrency() throws IOException {
    int perThread = quick ? 5 : 100;
    int calls = ConcurrencyBenchmark.THREADS * perThread;
    say("[5] " + ConcurrencyBenchmark.THREADS + " threads sharing one client, " + calls + " calls per batch");
    for (String name : List.of("sdk", "bare")) {
      Files.deleteIfExists(out.resolve("concurrency-" + name + ".txt"));
    }
    Pair p = pair(ConcurrencyBenchmark.class, quick ? 1 : 5,
        b -> shots(b, quick ? 1 : 2, quick ? 2 : 3).jvmArgsAppend("-Dbench.callsPerThread=" + perThread));
    long[] sdkCounts = counts("sdk");
    long[] bareCounts = counts("bare");
    if (p.failed()) {
      rows.add(Row.error("5", "64 threads, one client", p.error));
      return;
    }
    double sdkRate = calls / (p.sdkValue() / 1000);
    double bareRate = calls / (p.bareValue() / 1000);
    rows.add(new Row("5", String.format(Locale.ROOT, "%d threads, one client, batches of %,d calls",
            ConcurrencyBenchmark.THREADS, calls),
        String.format(Locale.ROOT, "%,.0f calls/s, %d errors / %,d", sdkRate, sdkCounts[1], sdkCounts[0]),
        String.format(Locale.ROOT, "%,.0f calls/s, %d errors / %,d", bareRate, bareCounts[1], bareCounts[0]),
        p.ratio(true), "0 errors", sdkCounts[0] > 0 && sdkCounts[1] == 0));
    notes.add("5: " + p.describe(true, "ms per batch") + "; calls and errors counted over warm-up and measured batches");
  }

  private long[] counts(String name) throws IOException {
    Path file = out.resolve("concurrency-" + name + ".txt");
    long calls = 0;
    long errors = 0;
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        for (String part : line.split(" ")) {
          if (part.startsWith("calls=")) {
            calls += Long.parseLong(part.substring(6));
          } else if (part.startsWith("errors=")) {
            errors += Long.parseLong(part.substring(7));
          }
        }
        if (line.contains("first=")) {
          notes.add("5: " + name + " first error: " + line.substring(line.indexOf("first=") + 6));
        }
      }
    }
    return new long[] {calls, errors};
  }

  // ---- figure 7 ---------------------------------------------------------------------------------------------

  /**
   * Bytes allocated per operation, from JMH's gc profiler ({@code gc.alloc.rate.norm}, B/op): a dedicated short JMH
   * run per contender, one after the other (no turn-taking: allocation does not depend on the machine's load), of
   * the very benchmark methods of figures 1 and 2. The profiler counts every thread of the fork, so a contender's
   * background threads (OkHttp's) are charged to it; the loopback server runs in this JVM and is not counted.
   */
  private void allocation() {
    say("[7] allocation per operation (JMH gc profiler, gc.alloc.rate.norm), SDK and bare one after the other");
    allocationRow("7a", "Allocation per list call (figure 1's call)", "call", ListPageBenchmark.class);
    allocationRow("7b", "Allocation per decoded page (figure 2's decode, no network)", "page", DecodeBenchmark.class);
  }

  private void allocationRow(String id, String figure, String per, Class<?> benchmark) {
    Map<String, Allocation> measured = new LinkedHashMap<>();
    try {
      for (String who : List.of("bare", "sdk")) {
        Collection<RunResult> results = jmhRun(benchmark, who, "alloc", null,
            b -> extraProfilers().contains("gc") ? timed(b, quick ? 2 : 5, 1, quick ? 3 : 5, 1)
                : timed(b, quick ? 2 : 5, 1, quick ? 3 : 5, 1).addProfiler("gc"));
        Allocation allocation = Allocation.of(results);
        measured.put(who, allocation);
        say("    " + who + " " + allocation);
      }
    } catch (RunnerException | RuntimeException e) {
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      say("    FAILED: " + error);
      e.printStackTrace(log);
      rows.add(Row.error(id, figure, error));
      return;
    }
    Allocation sdk = measured.get("sdk");
    Allocation bare = measured.get("bare");
    double ratio = sdk.bytes / bare.bytes;
    rows.add(new Row(id, figure, String.format(Locale.ROOT, "%,.1f KB/%s", sdk.bytes / 1000, per),
        String.format(Locale.ROOT, "%,.1f KB/%s", bare.bytes / 1000, per), ratio, "<= 1.05x", ratio <= 1.05));
    notes.add(String.format(Locale.ROOT, "%s: gc.alloc.rate.norm over %d measured iterations each: SDK %,.0f B/op "
            + "(iterations %,.0f to %,.0f), bare %,.0f B/op (%,.0f to %,.0f); SDK - bare = %+,.0f B per %s",
        id, sdk.iterations.size(), sdk.bytes, sdk.min(), sdk.max(), bare.bytes, bare.min(), bare.max(),
        sdk.bytes - bare.bytes, per));
  }

  /** One contender's {@code gc.alloc.rate.norm}: JMH's run-level score and each measured iteration's value. */
  static final class Allocation {
    static final String KEY = "gc.alloc.rate.norm";
    double bytes;
    final List<Double> iterations = new ArrayList<>();

    static Allocation of(Collection<RunResult> results) {
      Allocation allocation = new Allocation();
      for (RunResult result : results) {
        org.openjdk.jmh.results.Result<?> norm = result.getSecondaryResults().get(KEY);
        if (norm == null) {
          throw new IllegalStateException("no " + KEY + " in the JMH result: is the gc profiler supported by this JVM?");
        }
        allocation.bytes = norm.getScore();
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
          for (IterationResult iteration : fork.getIterationResults()) {
            org.openjdk.jmh.results.Result<?> value = iteration.getSecondaryResults().get(KEY);
            if (value != null) {
              allocation.iterations.add(value.getScore());
            }
          }
        }
      }
      if (allocation.iterations.isEmpty()) {
        throw new IllegalStateException("no measured iteration carried " + KEY);
      }
      return allocation;
    }

    double min() {
      return iterations.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
      return iterations.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%,.0f B/op (iterations %s)", bytes, Pair.format(iterations, "%.0f"));
    }
  }

  // ---- figure 8 ---------------------------------------------------------------------------------------------

  /**
   * Cold start: each run is a fresh JVM (the same java, this jar on the class path, default JVM options) whose
   * main class is one contender ({@link ColdStartSdk}, {@link ColdStartBare}); it builds its client, makes one
   * list call against the loopback server and prints when it returned. The time from process start is taken
   * from a timestamp noted here right before {@link ProcessBuilder#start()}; the child also reports the time
   * from entering main to the first call's return (client build included), which leaves out the JVM's own
   * start. SDK and bare alternate (ABBA), after one discarded run of each, which warms the OS file cache.
   */
  private void coldStart() throws IOException, InterruptedException {
    int runs = quick ? 5 : 11;
    say("[8] cold start: " + runs + " fresh JVMs per contender, SDK and bare alternating, one discarded run each first");
    coldRun("bare");
    coldRun("sdk");
    Stats total = new Stats();
    Stats bareTotal = new Stats();
    Stats inside = new Stats();
    Stats bareInside = new Stats();
    Stats toMain = new Stats();
    Stats bareToMain = new Stats();
    Stats build = new Stats();
    Stats bareBuild = new Stats();
    Stats bareJson = new Stats();
    for (int i = 0; i < runs; i++) {
      for (String who : i % 2 == 0 ? List.of("bare", "sdk") : List.of("sdk", "bare")) {
        Map<String, Double> run = coldRun(who);
        if (run == null) {
          rows.add(Row.error("8", "Cold start", "the " + who + " process failed, see suite.log"));
          return;
        }
        boolean sdk = who.equals("sdk");
        (sdk ? total : bareTotal).add(run.get("totalMs"));
        (sdk ? inside : bareInside).add(run.get("firstCallMicros") / 1000);
        (sdk ? toMain : bareToMain).add(run.get("toMainMs"));
        (sdk ? build : bareBuild).add(run.get("buildMicros") / 1000);
        if (!sdk) {
          bareJson.add(run.get("sdkJsonMicros") / 1000);
        }
      }
    }
    double ratio = Pair.median(Pair.ratios(total.values, bareTotal.values));
    rows.add(new Row("8a", "Cold start: process start to first decoded list call",
        String.format(Locale.ROOT, "%.0f ms", Pair.median(total.values)),
        String.format(Locale.ROOT, "%.0f ms", Pair.median(bareTotal.values)), ratio, "<= 1.10x", ratio <= 1.10));
    rows.add(new Row("8b", "First call inside the process: client build + first list call",
        String.format(Locale.ROOT, "%.0f ms", Pair.median(inside.values)),
        String.format(Locale.ROOT, "%.0f ms", Pair.median(bareInside.values)),
        Pair.median(Pair.ratios(inside.values, bareInside.values)), "report", null));
    notes.add(String.format(Locale.ROOT, "8: %d processes per contender, ratios = median of the %d ABBA-ordered pairs; "
            + "8a per run SDK %s, bare %s ms; process start to main: SDK %.0f, bare %.0f ms; client build "
            + "(before the call): SDK %.1f, bare %.1f ms (bare: OkHttpClient + Gson, of which %.1f ms initialising "
            + "the SDK's Json, the source of its two borrowed adapters); 8b per run SDK %s, bare %s ms",
        runs, runs, Pair.format(total.values, "%.0f"), Pair.format(bareTotal.values, "%.0f"),
        Pair.median(toMain.values), Pair.median(bareToMain.values), Pair.median(build.values),
        Pair.median(bareBuild.values), Pair.median(bareJson.values), Pair.format(inside.values, "%.0f"), Pair.format(bareInside.values, "%.0f")));
  }

  /** @return one cold run's figures ({@code totalMs}, {@code toMainMs} and the child's own), or null if it failed */
  private Map<String, Double> coldRun(String who) throws IOException, InterruptedException {
    Class<?> main = who.equals("sdk") ? ColdStartSdk.class : ColdStartBare.class;
    List<String> command = List.of(java(), "-Dbench.port=" + port, "-cp", System.getProperty("java.class.path"),
        main.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    log.println("$ " + String.join(" ", command));
    Instant before = Instant.now();
    Process process = builder.start();
    Map<String, Double> values = new LinkedHashMap<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        log.println(line);
        if (line.startsWith("cold.") && line.contains("=")) {
          values.put(line.substring(5, line.indexOf('=')), Double.parseDouble(line.substring(line.indexOf('=') + 1).trim()));
        }
      }
    }
    int exit = process.waitFor();
    Double doneAt = values.get("doneAtMicros");
    Double mainAt = values.get("mainAtMicros");
    if (exit != 0 || doneAt == null || mainAt == null) {
      say("    " + who + " cold start exited with " + exit + " (see " + out.resolve("suite.log") + ")");
      return null;
    }
    double startMicros = before.getEpochSecond() * 1e6 + before.getNano() / 1e3;
    values.put("totalMs", (doneAt - startMicros) / 1000);
    values.put("toMainMs", (mainAt - startMicros) / 1000);
    Double json = values.get("sdkJsonMicros");
    say(String.format(Locale.ROOT, "    %-4s process start to first call %.1f ms (to main %.1f ms; in main: "
            + "build %.1f ms%s, build + first call %.1f ms)", who, values.get("totalMs"), values.get("toMainMs"),
        values.get("buildMicros") / 1000,
        json == null ? "" : String.format(Locale.ROOT, " of which OkHttpClient %.1f ms, the SDK's Json %.1f ms",
            values.get("okHttpMicros") / 1000, json / 1000),
        values.get("firstCallMicros") / 1000));
    return values;
  }

  // ---- figure 6 ---------------------------------------------------------------------------------------------

  private void build() throws IOException, InterruptedException {
    Path script = Path.of("benchmarks", "build-times.sh");
    if (!Files.exists(script)) {
      rows.add(Row.error("6", "Build times", "run from the repository root to time the build"));
      return;
    }
    say("[6] build times (a temporary copy of the repository, offline Maven)");
    Map<String, Double> times = external(List.of("bash", script.toString()), "build.");
    Double clean = times.get("clean");
    Double regen = times.get("regen");
    if (clean == null || regen == null) {
      rows.add(Row.error("6", "Build times", "build-times.sh failed, see suite.log"));
      return;
    }
    rows.add(new Row("6a", "Clean build, all modules (package, no tests)",
        String.format(Locale.ROOT, "%.1f s", clean), "", null, "report", null));
    rows.add(new Row("6b", "Regenerate + compile after a one-line spec change",
        String.format(Locale.ROOT, "%.1f s", regen), "", null, "report", null));
  }

  // ---- running ----------------------------------------------------------------------------------------------

  private Map<String, Double> probe(String what, List<String> props) throws IOException, InterruptedException {
    // A fixed young generation, so "highest heap in use" (garbage included) is comparable between runs rather than
    // following G1's adaptive eden sizing.
    List<String> command = new ArrayList<>(List.of(java(), "-Xms512m", "-Xmx512m", "-Xmn64m", "-XX:+UseG1GC",
        "-Dbench.port=" + port));
    command.addAll(props);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName(), what));
    return external(command, "probe.");
  }

  private Map<String, Double> external(List<String> command, String prefix) throws IOException, InterruptedException {
    log.println("$ " + String.join(" ", command));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Map<String, Double> values = new LinkedHashMap<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        log.println(line);
        if (line.startsWith(prefix) && line.contains("=")) {
          String key = line.substring(prefix.length(), line.indexOf('='));
          values.put(key, Double.parseDouble(line.substring(line.indexOf('=') + 1).trim()));
          say("    " + line);
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0) {
      say("    exited with " + exit + " (see " + out.resolve("suite.log") + ")");
      notes.add(String.join(" ", command.subList(command.size() - 1, command.size())) + " exited with " + exit);
    }
    return values;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private interface Configure {
    ChainedOptionsBuilder apply(ChainedOptionsBuilder builder);
  }

  private static ChainedOptionsBuilder timed(ChainedOptionsBuilder b, int warmups, int warmupSeconds, int iterations, int seconds) {
    return b.warmupIterations(warmups).warmupTime(TimeValue.seconds(warmupSeconds))
        .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds));
  }

  private static ChainedOptionsBuilder shots(ChainedOptionsBuilder b, int warmups, int iterations) {
    return b.warmupIterations(warmups).measurementIterations(iterations);
  }

  /**
   * Runs the {@code sdk} and {@code bare} benchmarks of a class over {@code rounds} rounds. In a round both forks
   * run at the same time and take turns iteration by iteration ({@link Turns}), so each measured iteration of
   * one is paired with the other's iteration measured just before or after it.
   */
  private Pair pair(Class<?> benchmark, int rounds, Configure configure) {
    Pair pair = new Pair();
    ExecutorService both = Executors.newFixedThreadPool(2);
    int handoffsBefore = Turns.handoffs();
    try {
      for (int round = 1; round <= rounds; round++) {
        String pairId = benchmark.getSimpleName() + "-" + round + "-" + System.nanoTime();
        int r = round;
        Future<Stats> sdk = both.submit(() -> jmh(benchmark, "sdk", r, pairId, configure));
        Future<Stats> bare = both.submit(() -> jmh(benchmark, "bare", r, pairId, configure));
        Stats s = sdk.get();
        Stats b = bare.get();
        pair.add(s, b);
        int handoffs = Turns.handoffs() - handoffsBefore;
        handoffsBefore += handoffs;
        say(String.format(Locale.ROOT, "    round %d sdk  %s%n    round %d bare %s%n    round %d paired ratios %s (%d hand-offs)",
            round, s, round, b, round, Pair.format(Pair.ratios(s.values, b.values), "%.3f"), handoffs));
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      pair.error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
      say("    FAILED: " + pair.error);
      cause.printStackTrace(log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pair.error = "interrupted";
    } finally {
      both.shutdownNow();
    }
    return pair;
  }

  private Stats jmh(Class<?> benchmark, String method, int round, String pairId, Configure configure)
      throws RunnerException {
    Collection<RunResult> results = jmhRun(benchmark, method, String.valueOf(round), pairId, configure);
    Stats stats = new Stats();
    for (RunResult result : results) {
      for (BenchmarkResult fork : result.getBenchmarkResults()) {
        for (IterationResult iteration : fork.getIterationResults()) {
          stats.add(iteration.getPrimaryResult().getScore());
        }
      }
      stats.unit = result.getPrimaryResult().getScoreUnit();
    }
    if (stats.count() == 0) {
      throw new IllegalStateException(benchmark.getSimpleName() + "." + method + " produced no result; see "
          + jmhLog(benchmark, method, String.valueOf(round)));
    }
    return stats;
  }

  /**
   * One JMH run of one benchmark method in one fork. With a {@code pairId} the fork takes turns with its peer
   * ({@link Turns}); without one it runs on its own.
   */
  private Collection<RunResult> jmhRun(Class<?> benchmark, String method, String label, String pairId, Configure configure)
      throws RunnerException {
    List<String> jvmArgs = new ArrayList<>(List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-Dbench.port=" + port,
        "-Dbench.out=" + out));
    if (pairId != null) {
      jvmArgs.add("-Dbench.pair=" + pairId);
    }
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include("^" + Pattern.quote(benchmark.getName() + "." + method) + "$")
        .forks(1)
        .shouldFailOnError(true)
        .jvmArgs(jvmArgs.toArray(new String[0]))
        .output(jmhLog(benchmark, method, label).toString());
    // For investigating a miss: -Dbench.prof=gc,stack adds JMH profilers; their output lands in the JMH log.
    for (String profiler : extraProfilers()) {
      // JMH's own syntax: a profiler's options follow its name after a colon (async:libPath=...;event=cpu).
      int colon = profiler.indexOf(':');
      if (colon < 0) {
        options.addProfiler(profiler);
      } else {
        options.addProfiler(profiler.substring(0, colon), profiler.substring(colon + 1));
      }
    }
    return new Runner(configure.apply(options).build()).run();
  }

  /** @return the profilers asked for with {@code -Dbench.prof} */
  private static Set<String> extraProfilers() {
    Set<String> profilers = new LinkedHashSet<>();
    for (String profiler : System.getProperty("bench.prof", "").split(",")) {
      if (!profiler.isBlank()) {
        profilers.add(profiler.trim());
      }
    }
    return profilers;
  }

  private Path jmhLog(Class<?> benchmark, String method, String label) {
    return out.resolve("jmh-" + benchmark.getSimpleName() + "-" + method + "-" + label + ".log");
  }

  private void say(String line) {
    System.out.println(line);
    log.println(line);
  }

  /** Scores of one contender: every measured iteration of every round. */
  static final class Stats {
    final List<Double> values = new ArrayList<>();
    String unit = "";

    void add(double value) {
      values.add(value);
    }

    void add(Stats other) {
      values.addAll(other.values);
      unit = other.unit;
    }

    int count() {
      return values.size();
    }

    double mean() {
      return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    double stdev() {
      double mean = mean();
      return values.size() < 2 ? 0 : Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1));
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.3f ± %.3f %s (n=%d)", mean(), stdev(), unit, count());
    }
  }

  /**
   * The two contenders of one figure: every measured iteration of each, paired with the other's iteration of the
   * same number in the same round (measured back to back). A contender's value is the median of its iterations;
   * the ratio is the median of the paired ratios, so a load spike in one window cannot carry the figure.
   */
  static final class Pair {
    final List<Double> sdk = new ArrayList<>();
    final List<Double> bare = new ArrayList<>();
    final List<Double> pairs = new ArrayList<>();
    final List<Double> roundRatios = new ArrayList<>();
    String error;

    void add(Stats s, Stats b) {
      sdk.addAll(s.values);
      bare.addAll(b.values);
      List<Double> r = ratios(s.values, b.values);
      pairs.addAll(r);
      roundRatios.add(median(r));
    }

    boolean failed() {
      return error != null || pairs.isEmpty();
    }

    double sdkValue() {
      return median(sdk);
    }

    double bareValue() {
      return median(bare);
    }

    /** @param inverse true when the scores are times and the ratio wanted is of throughputs (bare / SDK) */
    double ratio(boolean inverse) {
      double r = median(pairs);
      return inverse ? 1 / r : r;
    }

    String describe(boolean inverse, String unit) {
      List<Double> rounds = new ArrayList<>();
      for (double r : roundRatios) {
        rounds.add(inverse ? 1 / r : r);
      }
      return String.format(Locale.ROOT, "%d paired iterations; median SDK/bare %s ratio per round %s; "
              + "iteration medians SDK %.1f, bare %.1f %s",
          pairs.size(), inverse ? "throughput" : "score", format(rounds, "%.3f"), sdkValue(), bareValue(), unit);
    }

    static List<Double> ratios(List<Double> sdk, List<Double> bare) {
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < Math.min(sdk.size(), bare.size()); i++) {
        ratios.add(sdk.get(i) / bare.get(i));
      }
      return ratios;
    }

    static String format(List<Double> values, String pattern) {
      return values.stream().map(v -> String.format(Locale.ROOT, pattern, v)).collect(Collectors.joining(", ", "[", "]"));
    }

    static double median(List<Double> values) {
      List<Double> sorted = new ArrayList<>(values);
      sorted.sort(null);
      int n = sorted.size();
      return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
  }
}
