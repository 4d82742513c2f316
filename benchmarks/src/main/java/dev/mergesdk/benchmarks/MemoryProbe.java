package dev.mergesdk.benchmarks;

import com.google.gson.Gson;
import dev.mergesdk.core.Download;
import dev.mergesdk.core.internal.Page;
import dev.mergesdk.filestorage.FileStorageClient;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Okio;

/**
 * Figures 3 (heap) and 4: runs in its own JVM, started by {@link BenchmarkSuite}, so the loopback server's
 * allocations never show in these heap figures. Prints {@code probe.<key>=<value>} lines.
 *
 * <ul>
 *   <li>Download: heap growth = highest heap use sampled every millisecond during the whole download, minus the heap
 *       in use just before it (after a full GC). No GC is forced during the download, so garbage counts too.
 *   <li>Paging (the SDK and its bare peer each in a JVM of their own, after a 20,000-item warm-up walk): items/s
 *       over the whole walk, and for the SDK the live heap: at every tenth of the walk, with the iterator open
 *       mid-listing, a full GC is forced and the heap in use read (the time of those ten GCs is not counted in
 *       items/s). Done for each item count in {@code bench.pagingItems}, to show the peak does not grow with it.
 * </ul>
 */
public final class MemoryProbe {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final double MIB = 1024.0 * 1024.0;
  private static volatile long sink;

  private MemoryProbe() {
  }

  /**
   * @param args {@code download}, {@code paging-sdk} or {@code paging-bare}
   * @throws Exception on any failure, which fails the figure
   */
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "download":
        download(Long.getLong("bench.downloadBytes", 1L << 30));
        break;
      case "paging-sdk":
        pagingSdk(System.getProperty("bench.pagingItems", "100000,1000000").split(","));
        break;
      case "paging-bare":
        pagingBare(Long.parseLong(System.getProperty("bench.pagingItems", "1000000")));
        break;
      default:
        throw new IllegalArgumentException(args[0]);
    }
  }

  private static void download(long size) throws IOException {
    try (FileStorageClient sdk = Fixture.sdk("fixed")) {
      OkHttpClient bare = Fixture.bareHttp();
      Request bareRequest = new Request.Builder().url(Fixture.baseUrl("fixed") + "files/" + size + "/download").build();
      byte[] buffer = new byte[64 * 1024];
      long warm = Math.min(size, 128L << 20);
      for (int i = 0; i < 3; i++) {
        sdkDownload(sdk, warm, buffer);
        bareDownload(bare, new Request.Builder().url(Fixture.baseUrl("fixed") + "files/" + warm + "/download").build());
      }
      for (String who : new String[] {"sdk", "bare"}) {
        long base = settledHeap();
        long allocatedBefore = threadAllocated();
        long start = System.nanoTime();
        long peak;
        try (HeapSampler sampler = new HeapSampler()) {
          if (who.equals("sdk")) {
            Checks.length(sdkDownload(sdk, size, buffer), size);
          } else {
            Checks.length(bareDownload(bare, bareRequest), size);
          }
          peak = sampler.peak();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        emit("download." + who + ".bytes", size);
        emit("download." + who + ".baseMiB", base / MIB);
        emit("download." + who + ".peakMiB", peak / MIB);
        emit("download." + who + ".growthMiB", Math.max(0, peak - base) / MIB);
        emit("download." + who + ".allocatedMiB", (threadAllocated() - allocatedBefore) / MIB);
        emit("download." + who + ".MBps", size / seconds / 1e6);
      }
      bare.connectionPool().evictAll();
    }
  }

  private static long sdkDownload(FileStorageClient sdk, long size, byte[] buffer) throws IOException {
    long total = 0;
    try (Download download = sdk.files().download(String.valueOf(size)).execute();
        InputStream in = download.inputStream()) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        total += n;
      }
    }
    return total;
  }

  private static long bareDownload(OkHttpClient bare, Request request) throws IOException {
    try (Response response = bare.newCall(request).execute()) {
      return response.body().source().readAll(Okio.blackhole());
    }
  }

  private static void pagingSdk(String[] counts) {
    walkSdk(20_000, false);
    for (String count : counts) {
      walkSdk(Long.parseLong(count.trim()), true);
    }
  }

  private static void pagingBare(long items) throws IOException {
    walkBare(20_000);
    emit("paging.bare." + items + ".itemsPerSec", walkBare(items));
  }

  /** Walks {@code items} items of a listing through {@code autoPage()}; emits its figures when {@code report}. */
  private static void walkSdk(long items, boolean report) {
    int pages = (int) (items / Pages.PAGE_SIZE);
    long checkpointEvery = Math.max(1, items / 10);
    long base = settledHeap();
    long livePeak = 0;
    long gcNanos = 0;
    long seen = 0;
    long names = 0;
    long peak;
    long start = System.nanoTime();
    try (FileStorageClient sdk = Fixture.sdk("pages/" + pages);
        HeapSampler sampler = new HeapSampler()) {
      for (Object item : Sdk.list(sdk).autoPage()) {
        names += Sdk.name(item).length();
        if (++seen % checkpointEvery == 0) {
          long gcStart = System.nanoTime();
          livePeak = Math.max(livePeak, settledHeap());
          gcNanos += System.nanoTime() - gcStart;
        }
      }
      peak = sampler.peak();
    }
    double seconds = (System.nanoTime() - start - gcNanos) / 1e9;
    sink = names;
    if (seen != items) {
      throw new AssertionError("walked " + seen + " items, expected " + items);
    }
    if (report) {
      String key = "paging.sdk." + items;
      emit(key + ".pages", pages);
      emit(key + ".itemsPerSec", items / seconds);
      emit(key + ".baseMiB", base / MIB);
      emit(key + ".livePeakMiB", livePeak / MIB);
      emit(key + ".sampledPeakMiB", peak / MIB);
    }
  }

  /** The bare peer of auto-paging: fetch a page, hand out its items, follow its next cursor. */
  private static double walkBare(long items) throws IOException {
    int pages = (int) (items / Pages.PAGE_SIZE);
    String scenario = "pages/" + pages;
    OkHttpClient http = Fixture.bareHttp();
    Gson gson = Fixture.bareGson();
    long seen = 0;
    long names = 0;
    long start = System.nanoTime();
    String cursor = null;
    do {
      Object page = Fixture.bareGet(http, gson, Fixture.bareListRequest(scenario, cursor), Sdk.PAGE);
      for (Object item : ((Page<?>) page).getResults()) {
        names += Sdk.name(item).length();
        seen++;
      }
      cursor = Sdk.next(page);
    } while (cursor != null);
    double seconds = (System.nanoTime() - start) / 1e9;
    sink = names;
    http.connectionPool().evictAll();
    if (seen != items) {
      throw new AssertionError("walked " + seen + " items, expected " + items);
    }
    return items / seconds;
  }

  /** @return heap in use after a full GC: the live set */
  static long settledHeap() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  private static long threadAllocated() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (threads instanceof com.sun.management.ThreadMXBean) {
      return ((com.sun.management.ThreadMXBean) threads).getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return 0;
  }

  private static void emit(String key, double value) {
    System.out.println("probe." + key + "=" + String.format(Locale.ROOT, "%.3f", value));
  }

  /** Samples the heap in use every millisecond on a daemon thread and keeps the highest value. */
  static final class HeapSampler implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    HeapSampler() {
      peak = MEMORY.getHeapMemoryUsage().getUsed();
      thread = new Thread(() -> {
        while (running) {
          long used = MEMORY.getHeapMemoryUsage().getUsed();
          if (used > peak) {
            peak = used;
          }
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
      }, "heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    long peak() {
      long used = MEMORY.getHeapMemoryUsage().getUsed();
      return Math.max(peak, used);
    }

    @Override
    public void close() {
      running = false;
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
