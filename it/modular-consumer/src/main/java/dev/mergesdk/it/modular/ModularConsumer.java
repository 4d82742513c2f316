package dev.mergesdk.it.modular;

import com.sun.net.httpserver.HttpServer;
import dev.mergesdk.agenthandler.AgentHandlerClient;
import dev.mergesdk.agenthandler.model.ToolPack;
import dev.mergesdk.core.NotFoundException;
import dev.mergesdk.filestorage.FileStorageClient;
import dev.mergesdk.filestorage.model.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Lists files and tool packs and maps an error, through both clients, against a loopback server: every step that
 * needs a module descriptor to export, open or require something (Retrofit's proxies, Gson's reflection into the
 * models, the runtime's unknown-field slot, typed errors) runs on the module path. Exits non-zero on any failure;
 * prints what it did only with {@code -Dverbose=true} (the build stays quiet under {@code mvn -q}).
 */
public final class ModularConsumer {
  private static final boolean VERBOSE = Boolean.getBoolean("verbose");

  private ModularConsumer() {
  }

  private static void say(String line) {
    if (VERBOSE) {
      System.out.println(line);
    }
  }

  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      int status = 200;
      String body;
      if (path.endsWith("/files")) {
        body = "{\"next\":null,\"previous\":null,\"results\":[{\"id\":\"6c1f0000-0000-4000-8000-000000000001\","
            + "\"name\":\"report.pdf\",\"size\":1024,\"brand_new_field\":true}]}";
      } else if (path.endsWith("/tool-packs/")) {
        body = "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"id\":\"0b8e5d2c-6a71-4f3e-9c24-5d6e7f801234\","
            + "\"name\":\"Support agent\",\"connectors\":[]}]}";
      } else {
        status = 404;
        body = "{\"detail\":\"Not found.\"}";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try (FileStorageClient files = FileStorageClient.builder().apiKey("modular-key").accountToken("modular-token")
            .baseUrl(base + "/api/filestorage/v1/").build();
        AgentHandlerClient agents = AgentHandlerClient.builder().apiKey("modular-key").baseUrl(base + "/api/v1/").build()) {
      for (File file : files.files().list().autoPage()) {
        say("file " + file.getName() + " (" + file.getSize() + " bytes), unknown fields "
            + file.unknownFields().keySet());
        check(file.unknownFields().has("brand_new_field"), "unknown fields are kept on the module path");
      }
      for (ToolPack pack : agents.toolPacks().list().autoPage()) {
        say("tool pack " + pack.getName());
      }
      try {
        files.files().retrieve("6c1f0000-0000-4000-8000-000000000002").execute();
        check(false, "a 404 is a NotFoundException");
      } catch (NotFoundException expected) {
        say("typed error " + expected.statusCode());
      }
      say("modular consumer: both clients work on the module path ("
          + ModularConsumer.class.getModule().getName() + " requires " + FileStorageClient.class.getModule().getName()
          + ", " + AgentHandlerClient.class.getModule().getName() + ")");
    } finally {
      server.stop(0);
    }
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
  }
}
