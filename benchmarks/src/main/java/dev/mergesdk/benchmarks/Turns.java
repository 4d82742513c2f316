package dev.mergesdk.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Interleaves the iterations of the two contenders of a figure. {@link BenchmarkSuite} runs the SDK's and the bare
 * peer's JMH forks at the same time; before each iteration a fork asks the loopback server for its turn, and turns
 * alternate, so iteration i of one contender runs right after iteration i of the other, under the same machine
 * load. Only the turn-taking happens outside the measured time (it is an iteration-level setup). Without
 * {@code -Dbench.pair} (a benchmark run on its own) there is no turn-taking.
 */
final class Turns {
  private static final Map<String, Turn> PAIRS = new ConcurrentHashMap<>();

  private Turns() {
  }

  /** Client side: blocks until it is this contender's turn. */
  static void take(BenchmarkParams params) {
    call(params, "");
  }

  /** Client side: this contender has finished; the other need not wait for it any more. */
  static void done(BenchmarkParams params) {
    call(params, "/done");
  }

  private static void call(BenchmarkParams params, String suffix) {
    String pair = System.getProperty("bench.pair");
    if (pair == null) {
      return;
    }
    String who = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    try {
      URL url = new URL("http://127.0.0.1:" + Fixture.port() + "/turn/" + pair + "/" + who + suffix);
      HttpURLConnection connection = (HttpURLConnection) url.openConnection();
      try (InputStream in = connection.getInputStream()) {
        in.readAllBytes();
      }
      connection.disconnect();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return how many times the turn passed from one contender to the other, over every pair so far */
  static int handoffs() {
    return PAIRS.values().stream().mapToInt(t -> t.handoffs).sum();
  }

  /** Server side: {@code /turn/<pair>/<who>[/done]}. */
  static void serve(String pair, String who, boolean done) throws InterruptedException {
    Turn turn = PAIRS.computeIfAbsent(pair, p -> new Turn());
    if (done) {
      turn.done(who);
    } else {
      turn.acquire(who);
    }
  }

  /** One pair's turn: whoever holds it runs; asking again ends the holder's turn and waits for the other's. */
  private static final class Turn {
    private static final long PATIENCE = TimeUnit.SECONDS.toNanos(120);
    private final Set<String> finished = new HashSet<>();
    private String holder;
    private String last;
    private volatile int handoffs;

    synchronized void acquire(String who) throws InterruptedException {
      if (who.equals(holder)) {
        holder = null;
        last = who;
        notifyAll();
      }
      long deadline = System.nanoTime() + PATIENCE;
      // A contender that vanished (a failed fork) cannot stall the other for more than PATIENCE.
      while ((holder != null || (who.equals(last) && !otherFinished(who))) && System.nanoTime() < deadline) {
        TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, deadline - System.nanoTime()));
      }
      if (last != null && !who.equals(last)) {
        handoffs++;
      }
      holder = who;
    }

    synchronized void done(String who) {
      finished.add(who);
      if (who.equals(holder)) {
        holder = null;
        last = who;
      }
      notifyAll();
    }

    private boolean otherFinished(String who) {
      for (String name : finished) {
        if (!name.equals(who)) {
          return true;
        }
      }
      return false;
    }
  }
}
