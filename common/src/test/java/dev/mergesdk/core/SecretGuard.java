package dev.mergesdk.core;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Watches every place the SDK could reveal a secret while a scenario runs: the client's {@link HttpLogger}, the
 * process's {@code System.out} and {@code System.err}, {@code java.util.logging} (where OkHttp logs), and whatever
 * the test hands to {@link #check(Object)}: exceptions with their causes and suppressed exceptions (the whole
 * printed stack trace), results and clients via {@code toString()}. {@link #close()} fails if a secret appeared
 * anywhere, or if OkHttp reported a leaked connection.
 *
 * <p>Public so the client modules' tests can use it through the common module's test-jar.
 */
public final class SecretGuard implements AutoCloseable {
  /** The API key every guarded scenario uses. */
  public static final String API_KEY = MockServer.API_KEY;
  /** The account token every guarded scenario uses. */
  public static final String ACCOUNT_TOKEN = MockServer.ACCOUNT_TOKEN;

  private static final Logger ROOT = Logger.getLogger("");
  private static final Logger OKHTTP = Logger.getLogger("okhttp3");

  private final List<String> secrets = new ArrayList<>();
  private final List<String> httpLog = new CopyOnWriteArrayList<>();
  private final List<String> julLog = new CopyOnWriteArrayList<>();
  private final List<String> inspected = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final Level originalOkHttpLevel = OKHTTP.getLevel();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      // The test server's own request log is not the SDK's output.
      if (record.getLoggerName() != null && record.getLoggerName().startsWith("mockwebserver3")) {
        return;
      }
      StringBuilder line = new StringBuilder().append(record.getLoggerName()).append(": ").append(record.getMessage());
      if (record.getParameters() != null) {
        for (Object p : record.getParameters()) {
          line.append(" | ").append(p);
        }
      }
      if (record.getThrown() != null) {
        line.append(" | ").append(stackTrace(record.getThrown()));
      }
      julLog.add(line.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  private SecretGuard(boolean verboseOkHttp, String... secrets) {
    for (String secret : secrets) {
      this.secrets.add(secret);
    }
    handler.setLevel(Level.ALL);
    ROOT.addHandler(handler);
    if (verboseOkHttp) {
      OKHTTP.setLevel(Level.FINE);
    }
    System.setOut(new PrintStream(tee(originalOut), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(tee(originalErr), true, StandardCharsets.UTF_8));
  }

  /** @return a guard for {@link #API_KEY} and {@link #ACCOUNT_TOKEN}, with OkHttp's own logging turned up to FINE */
  public static SecretGuard start() {
    return new SecretGuard(true, API_KEY, ACCOUNT_TOKEN);
  }

  /** @return a guard that leaves OkHttp's log level alone: for runs too long to log every task */
  public static SecretGuard startQuiet() {
    return new SecretGuard(false, API_KEY, ACCOUNT_TOKEN);
  }

  /** @return the logger to give the client under test; its lines are kept and checked */
  public HttpLogger logger() {
    return httpLog::add;
  }

  /** @return the lines the client logged so far */
  public List<String> httpLog() {
    return httpLog;
  }

  /** @return how many attempts the client logged ({@code -->} lines) */
  public long attempts() {
    return httpLog.stream().filter(l -> l.startsWith("--> ")).count();
  }

  /**
   * Records what a caller could print: for a throwable its full stack trace (message, toString, causes and
   * suppressed, recursively) plus, for API errors, the body and headers; for anything else its toString().
   *
   * @param value the value to inspect; null is ignored
   * @return this guard
   */
  public SecretGuard check(Object value) {
    if (value == null) {
      return this;
    }
    if (value instanceof Throwable) {
      inspected.add(stackTrace((Throwable) value));
      for (Throwable t = (Throwable) value; t != null; t = t.getCause()) {
        if (t instanceof ApiException) {
          inspected.add(((ApiException) t).body() + " " + ((ApiException) t).headers() + " " + ((ApiException) t).error());
        }
        if (t instanceof DecodeException) {
          inspected.add(((DecodeException) t).bodySnippet());
        }
      }
    } else {
      inspected.add(String.valueOf(value));
    }
    return this;
  }

  /** @return everything captured so far, one source per section */
  public String captured() {
    return "http log:\n" + String.join("\n", httpLog) + "\njava.util.logging:\n" + String.join("\n", julLog)
        + "\nconsole:\n" + console.toString(StandardCharsets.UTF_8) + "\ninspected:\n" + String.join("\n", inspected);
  }

  /** Fails if a secret (or any twelve-character piece of one) appeared, or if OkHttp reported a leaked connection. */
  public void assertClean() {
    String all = captured();
    for (String secret : secrets) {
      for (int i = 0; i + 12 <= secret.length(); i++) {
        String piece = secret.substring(i, i + 12);
        if (all.contains(piece)) {
          throw new AssertionError("secret fragment '" + piece + "' leaked into:\n" + excerpt(all, piece));
        }
      }
    }
    for (String line : julLog) {
      if (line.contains("was leaked")) {
        throw new AssertionError("OkHttp reported a leaked connection: " + line);
      }
    }
  }

  /** Restores the console and logging, then {@link #assertClean()}. */
  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    ROOT.removeHandler(handler);
    OKHTTP.setLevel(originalOkHttpLevel);
    assertClean();
  }

  private OutputStream tee(PrintStream original) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (console) {
          console.write(b);
        }
        original.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        synchronized (console) {
          console.write(b, off, len);
        }
        original.write(b, off, len);
      }
    };
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static String excerpt(String all, String piece) {
    int at = all.indexOf(piece);
    return all.substring(Math.max(0, at - 300), Math.min(all.length(), at + 300));
  }
}
