package dev.mergesdk.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one server of a benchmark run, on 127.0.0.1 only. It holds nothing per request: the fixed page is built
 * once, other pages are generated when asked for, and downloads are written from one reused buffer.
 *
 * <ul>
 *   <li>{@code GET /fixed/<anything>} (not ending in {@code /download}): the fixed 100-file page.
 *   <li>{@code GET /fixed/files/<bytes>/download}: {@code <bytes>} bytes of octet-stream, Content-Length set.
 *   <li>{@code GET /pages/<total>/<anything>?cursor=...}: page {@code cursor} of a {@code <total>}-page listing.
 *   <li>{@code GET /turn/<pair>/<who>[/done]}: the turn-taking of {@link Turns}.
 * </ul>
 */
final class LoopbackServer implements AutoCloseable {
  private static final int CHUNK = 64 * 1024;

  private final HttpServer server;
  private final ExecutorService handlers;
  private final byte[] fixedPage = Pages.fixedPage();
  private final byte[] chunk = new byte[CHUNK];

  LoopbackServer() throws IOException {
    // Without this the JDK server leaves Nagle on, and small responses wait for delayed ACKs.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    for (int i = 0; i < chunk.length; i++) {
      chunk[i] = (byte) (i * 31 + 7);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    AtomicInteger threads = new AtomicInteger();
    handlers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "loopback-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  byte[] fixedPage() {
    return fixedPage.clone();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      exchange.getRequestBody().readAllBytes();
      URI uri = exchange.getRequestURI();
      String path = uri.getPath();
      if (path.startsWith("/fixed/") && path.endsWith("/download")) {
        String[] parts = path.split("/");
        long bytes = Long.parseLong(parts[parts.length - 2]);
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"bench.bin\"");
        exchange.sendResponseHeaders(200, bytes);
        OutputStream out = exchange.getResponseBody();
        for (long left = bytes; left > 0; ) {
          int n = (int) Math.min(left, CHUNK);
          out.write(chunk, 0, n);
          left -= n;
        }
        out.close();
      } else if (path.startsWith("/fixed/")) {
        json(exchange, fixedPage);
      } else if (path.startsWith("/turn/")) {
        String[] parts = path.split("/");
        try {
          Turns.serve(parts[2], parts[3], parts.length > 4 && parts[4].equals("done"));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(204, -1);
      } else if (path.startsWith("/pages/")) {
        int total = Integer.parseInt(path.split("/")[2]);
        json(exchange, Pages.page(Pages.pageOf(query(uri.getRawQuery(), "cursor")), total));
      } else {
        byte[] body = "{\"detail\":\"Not found.\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(404, body.length);
        exchange.getResponseBody().write(body);
      }
    } finally {
      exchange.close();
    }
  }

  private static void json(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body);
    out.close();
  }

  private static String query(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
