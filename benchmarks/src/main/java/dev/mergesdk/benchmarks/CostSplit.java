package dev.mergesdk.benchmarks;

import com.google.gson.Gson;
import dev.mergesdk.core.DecodeProbe;
import dev.mergesdk.filestorage.FileStorageClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import one.profiler.AsyncProfiler;
import one.profiler.AsyncProfilerLoader;
import one.profiler.Counter;

/**
 * Where the SDK's extra time goes in figures 1 and 2, part by part. Each contender (SDK, bare) runs alone in a
 * fresh JVM: it warms up, then runs its operation for a fixed time while async-profiler samples the CPU and the
 * operations are counted. The samples of the operating thread are sorted into parts by the rules below, and each
 * part becomes CPU microseconds per operation (its share of the samples times the thread's CPU time per
 * operation). The contenders alternate over rounds; the table shows each part's median. The parts only the SDK
 * has (its promises) are the robust result: each is the price of one promise, measured directly. The parts both
 * sides share (the tokenizer above all) do the same work, and their difference is mostly the machine's noise
 * between runs, which is also why the totals' ratio moves from run to run as figures 1 and 2 do.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.mergesdk.benchmarks.CostSplit [decode] [call]</pre>
 */
public final class CostSplit {
  private static final int ROUNDS = 5;
  private static final long WARM_UP_NANOS = 8_000_000_000L;
  private static final long MEASURE_NANOS = 10_000_000_000L;
  /** The frame every sample of the measured loop carries. */
  private static final String LOOP = "dev/mergesdk/benchmarks/CostSplit.measure";

  /**
   * Figure 2, by the method a sample was in (self time): the SDK's promises first, then the work both sides do.
   * Frames of the borrowed date and reference adapters count as the same part on both sides.
   */
  private static final Map<String, Predicate<Frames>> DECODE_PARTS = new Parts()
      .add("SDK: recording reader (unknown members kept, tokens counted for tolerance)",
          f -> f.leaf("RecordingReader"))
      .add("SDK: tolerant reading",
          f -> f.leaf("TolerantReading"))
      .add("SDK: exact integers (Gson's own long reading rounds 2^63 down)",
          f -> f.leaf("ExactInteger"))
      .add("SDK: model wrappers (unknown-field slot, explicit nulls, references)",
          f -> f.leaf("UnknownFields|ExplicitNulls|ExpandableAdapter"))
      .add("bytes to characters (body reader, charset decoder)",
          f -> f.leaf("Utf8BodyReader|ResponseDecoder|DecodeProbe|StreamDecoder|InputStreamReader|CharsetDecoder|UTF_8|okio/"))
      .add("dates (RFC 3339 parsing)",
          f -> f.leaf("core/internal/Json\\.|java/time/"))
      .add("raw JSON members (checksum, field_mappings)",
          f -> f.leaf("JsonElementTypeAdapter|LinkedTreeMap|gson/JsonObject|gson/JsonPrimitive|gson/JsonArray"))
      .add("binding (Gson's reflective adapters, field stores)",
          f -> f.leaf("Reflective|reflect/Field|FieldAccessor|HashMap|gson/internal/bind|TypeAdapter|ArrayList|Constructor"))
      .add("tokenizer and strings (Gson's JsonReader)",
          f -> f.leaf("gson/stream/JsonReader|java/lang/String|StringLatin1|StringUTF16|arraycopy|StringBuilder"))
      .add("virtual and interface call stubs",
          f -> f.leaf("vtable stub|itable stub"))
      .map();

  /** Figure 1, by what a sample was doing in the call (its stack). */
  private static final Map<String, Predicate<Frames>> CALL_PARTS = new Parts()
      .add("decode into models (figure 2's work, reading the socket as it goes)",
          f -> f.has("ResponseDecoder.readModel|gson/Gson.fromJson"))
      .add("request built from typed parameters (Retrofit)",
          f -> f.has("retrofit2/"))
      .add("call deadline (OkHttp's call timeout: the retry budget)",
          f -> f.has("RealCall.execute;okio/AsyncTimeout"))
      .add("SDK's own code (interceptors, options, events, retry rules)",
          Frames::inSdkCode)
      .add("OkHttp, socket and kernel",
          f -> true)
      .map();

  private CostSplit() {
  }

  /**
   * @param args {@code decode}, {@code call} or both (the default); the rest is for the child processes
   * @throws Exception when a child fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(args[1], args[2]);
      return;
    }
    List<String> modes = args.length == 0 ? List.of("decode", "call") : List.of(args);
    System.out.println(Machine.describe());
    try (LoopbackServer server = new LoopbackServer()) {
      for (String mode : modes) {
        Map<String, Predicate<Frames>> parts = partsOf(mode);
        Map<String, List<Map<String, Double>>> runs = new LinkedHashMap<>();
        runs.put("sdk", new ArrayList<>());
        runs.put("bare", new ArrayList<>());
        for (int round = 0; round < ROUNDS; round++) {
          List<String> order = round % 2 == 0 ? List.of("sdk", "bare") : List.of("bare", "sdk");
          for (String contender : order) {
            runs.get(contender).add(run(mode, contender, server.port()));
          }
        }
        print(mode, parts, runs);
      }
    }
  }

  private static Map<String, Predicate<Frames>> partsOf(String mode) {
    switch (mode) {
      case "decode":
        return DECODE_PARTS;
      case "call":
        return CALL_PARTS;
      default:
        throw new IllegalArgumentException("mode must be decode or call, not " + mode);
    }
  }

  /** One contender in a fresh JVM; its lines are {@code part<TAB>microseconds per operation}. */
  private static Map<String, Double> run(String mode, String contender, int port) throws IOException,
      InterruptedException {
    List<String> command = List.of(
        ProcessHandle.current().info().command().orElse("java"), "-Xms1g", "-Xmx1g", "-XX:+UseG1GC",
        // Debug information at every instruction, not only at safepoints: samples then name the inlined method
        // they were in rather than the method it was inlined into.
        "-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints",
        "-Dbench.port=" + port, "-cp", System.getProperty("java.class.path"), CostSplit.class.getName(),
        "--child", mode, contender);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Map<String, Double> costs = new LinkedHashMap<>();
    List<String> other = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          costs.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1)));
        } else {
          other.add(line);
        }
      }
    }
    if (process.waitFor() != 0 || costs.isEmpty()) {
      throw new IllegalStateException(mode + " " + contender + " failed:\n" + String.join("\n", other));
    }
    return costs;
  }

  private static void print(String mode, Map<String, Predicate<Frames>> parts,
      Map<String, List<Map<String, Double>>> runs) {
    System.out.printf(Locale.ROOT, "%n%s: CPU microseconds per %s, median of %d runs each%n", mode,
        mode.equals("call") ? "call (figure 1)" : "decoded page (figure 2)", ROUNDS);
    System.out.printf(Locale.ROOT, "%-72s %9s %9s %9s%n", "part", "SDK", "bare", "SDK-bare");
    List<String> names = new ArrayList<>(parts.keySet());
    names.add("other");
    names.add("total");
    for (String name : names) {
      double sdk = median(runs.get("sdk"), name);
      double bare = median(runs.get("bare"), name);
      System.out.printf(Locale.ROOT, "%-72s %9.1f %9.1f %+9.1f%n", name, sdk, bare, sdk - bare);
    }
    double sdk = median(runs.get("sdk"), "total");
    double bare = median(runs.get("bare"), "total");
    System.out.printf(Locale.ROOT, "SDK / bare = %.3f (CPU time of the operating thread)%n", sdk / bare);
  }

  private static double median(List<Map<String, Double>> runs, String part) {
    List<Double> values = new ArrayList<>();
    for (Map<String, Double> run : runs) {
      values.add(run.getOrDefault(part, 0.0));
    }
    return BenchmarkSuite.Pair.median(values);
  }

  /** The child: warm up, then measure and profile one contender's operation. */
  private static void child(String mode, String contender) throws IOException {
    Operation operation = operation(mode, contender);
    long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
    while (System.nanoTime() < warmUpEnd) {
      operation.run();
    }
    AsyncProfiler profiler = AsyncProfilerLoader.load();
    try {
      profiler.execute("start,event=cpu,interval=1ms");
    } catch (IllegalStateException | IOException noPerfEvents) {
      profiler.execute("start,event=itimer,interval=1ms"); // where perf_events are not allowed
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuBefore = threads.getCurrentThreadCpuTime();
    long operations = measure(operation);
    long cpuNanos = threads.getCurrentThreadCpuTime() - cpuBefore;
    profiler.stop();
    String collapsed = profiler.dumpCollapsed(Counter.SAMPLES);
    Map<String, Predicate<Frames>> parts = partsOf(mode);
    Map<String, Long> samples = new LinkedHashMap<>();
    long total = 0;
    for (String line : collapsed.split("\n")) {
      int space = line.lastIndexOf(' ');
      if (space < 0 || !line.contains(LOOP)) {
        continue;
      }
      long count = Long.parseLong(line.substring(space + 1).trim());
      Frames frames = new Frames(line.substring(0, space));
      String part = "other";
      for (Map.Entry<String, Predicate<Frames>> rule : parts.entrySet()) {
        if (rule.getValue().test(frames)) {
          part = rule.getKey();
          break;
        }
      }
      samples.merge(part, count, Long::sum);
      total += count;
    }
    double microsPerOperation = cpuNanos / 1000.0 / operations;
    for (Map.Entry<String, Long> part : samples.entrySet()) {
      System.out.printf(Locale.ROOT, "%s\t%.4f%n", part.getKey(), microsPerOperation * part.getValue() / total);
    }
    System.out.printf(Locale.ROOT, "total\t%.4f%n", microsPerOperation);
    System.exit(0); // OkHttp's threads would keep the child alive for a minute
  }

  private static long measure(Operation operation) throws IOException {
    long end = System.nanoTime() + MEASURE_NANOS;
    long operations = 0;
    while (System.nanoTime() < end) {
      operation.run();
      operations++;
    }
    return operations;
  }

  private interface Operation {
    void run() throws IOException;
  }

  private static Operation operation(String mode, String contender) {
    if (mode.equals("decode")) {
      byte[] body = Pages.fixedPage();
      if (contender.equals("sdk")) {
        DecodeProbe<?> probe = new DecodeProbe<>(Sdk.PAGE, "http://127.0.0.1/" + Sdk.LIST_PATH);
        return () -> probe.decode(body);
      }
      Gson gson = Fixture.bareGson();
      return () -> Fixture.bareDecode(gson, body);
    }
    if (contender.equals("sdk")) {
      FileStorageClient client = Fixture.sdk("fixed");
      return () -> Sdk.list(client).execute();
    }
    OkHttpClient http = Fixture.bareHttp();
    Gson gson = Fixture.bareGson();
    Request request = Fixture.bareListRequest("fixed", null);
    return () -> Fixture.bareGet(http, gson, request, Sdk.PAGE);
  }

  /** Parts in the order their rules are tried: a sample goes to the first whose rule matches. */
  private static final class Parts {
    private final Map<String, Predicate<Frames>> parts = new LinkedHashMap<>();

    Parts add(String label, Predicate<Frames> rule) {
      parts.put(label, rule);
      return this;
    }

    Map<String, Predicate<Frames>> map() {
      return parts;
    }
  }

  /** One collapsed stack, outermost frame first, frames separated by {@code ;}. */
  private static final class Frames {
    private final String stack;
    private final String leaf;

    Frames(String stack) {
      this.stack = stack;
      this.leaf = stack.substring(stack.lastIndexOf(';') + 1);
    }

    boolean leaf(String regex) {
      return Pattern.compile(regex).matcher(leaf).find();
    }

    boolean has(String regex) {
      return Pattern.compile(regex).matcher(stack).find();
    }

    /** Whether the innermost frame of the SDK, OkHttp, Okio or Retrofit is the SDK's (its own work, JDK calls included). */
    boolean inSdkCode() {
      String[] frames = stack.split(";");
      for (int i = frames.length - 1; i >= 0; i--) {
        if (frames[i].startsWith("dev/mergesdk/core")) {
          return true;
        }
        if (frames[i].startsWith("okhttp3/") || frames[i].startsWith("okio/") || frames[i].startsWith("retrofit2/")) {
          return false;
        }
      }
      return false;
    }
  }
}
