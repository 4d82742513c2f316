package dev.mergesdk.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP/1.1 server for the faults MockWebServer cannot produce: headers OkHttp must reject, bodies
 * trickled a byte at a time or cut without any framing, anything a broken gateway writes. Each connection serves
 * one request, answered by the script, and is then closed; it records what arrived and whether the client closed
 * its side.
 */
final class HostileServer implements AutoCloseable {
  /** Writes the raw response to one request. */
  @FunctionalInterface
  interface Script {
    void answer(Received request, OutputStream out) throws IOException, InterruptedException;
  }

  /** One request as it arrived on the wire. */
  static final class Received {
    final String method;
    final String target;
    final Map<String, String> headers;
    final byte[] body;

    Received(String method, String target, Map<String, String> headers, byte[] body) {
      this.method = method;
      this.target = target;
      this.headers = headers;
      this.body = body;
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final ServerSocket socket;
  private final Script script;
  private final Thread acceptor;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger connectionsClosedByClient = new AtomicInteger();
  private final CountDownLatch firstClose = new CountDownLatch(1);

  HostileServer(Script script) {
    this.script = script;
    try {
      this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.acceptor = new Thread(this::acceptLoop, "hostile-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Writes {@code text} in ISO-8859-1, as HTTP/1.1 header bytes are. */
  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + path;
  }

  int requestCount() {
    return received.size();
  }

  List<Received> received() {
    return new ArrayList<>(received);
  }

  /**
   * @param seconds how long to wait
   * @return whether a client closed a connection (read end of stream or a reset) after its answer
   */
  boolean awaitClientClose(long seconds) throws InterruptedException {
    return firstClose.await(seconds, TimeUnit.SECONDS);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        Thread handler = new Thread(() -> serve(connection), "hostile-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (Socket c = connection) {
      InputStream in = c.getInputStream();
      Received request = read(in);
      if (request == null) {
        return;
      }
      received.add(request);
      OutputStream out = c.getOutputStream();
      script.answer(request, out);
      out.flush();
      c.shutdownOutput();
      // Wait for the client to let go of the connection: a leaked one is never closed.
      c.setSoTimeout(10_000);
      try {
        while (in.read() != -1) {
          // drain
        }
      } catch (IOException reset) {
        // a reset is a close too
      }
      connectionsClosedByClient.incrementAndGet();
      firstClose.countDown();
    } catch (IOException | InterruptedException ignored) {
      // The client went away mid-answer: that is what some scripts provoke.
    }
  }

  private static Received read(InputStream in) throws IOException {
    String requestLine = line(in);
    if (requestLine == null || requestLine.isEmpty()) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line; (line = line(in)) != null && !line.isEmpty(); ) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    byte[] body = new byte[0];
    String length = headers.get("content-length");
    if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    }
    return new Received(parts[0], parts.length > 1 ? parts[1] : "", headers, body);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != -1; ) {
      if (b == '\n') {
        String s = bytes.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      bytes.write(b);
    }
    return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
