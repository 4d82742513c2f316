package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nothing is lost or duplicated under faults: paging retries only the page that failed, and a download is either
 * complete and in place or absent, never partial.
 */
class DataIntegrityTest {
  private static final int PAGES = 8;
  private static final int PER_PAGE = 4;

  @TempDir
  Path dir;

  @RegisterExtension
  final SecretGuardExtension secrets = new SecretGuardExtension();

  /** Every scenario runs with the known key and token, its log and exceptions checked for them. */
  private TestClient.Builder guarded(MockServer server) {
    return server.clientBuilder().logger(secrets.guard().logger());
  }

  private static String cursorPage(int page) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < PER_PAGE; i++) {
      items.append(i == 0 ? "" : ",").append("{\"id\":\"").append(page * PER_PAGE + i).append("\"}");
    }
    String next = page + 1 < PAGES ? "\"c" + (page + 1) + "\"" : "null";
    return "{\"next\":" + next + ",\"previous\":null,\"results\":[" + items + "]}";
  }

  private static List<String> allIds() {
    return Stream.iterate(0, i -> i + 1).limit(PAGES * PER_PAGE).map(String::valueOf).collect(Collectors.toList());
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  /**
   * Serves the cursor pages by the cursor asked for, injecting {@code faults.get(page)} on the first attempts at a
   * page, and records every page requested in order.
   */
  private static final class PagedServer extends Dispatcher {
    final Map<Integer, List<Function<String, MockResponse>>> faults = new ConcurrentHashMap<>();
    final List<Integer> requested = new CopyOnWriteArrayList<>();
    final Map<Integer, AtomicInteger> attempts = new ConcurrentHashMap<>();

    PagedServer fail(int page, Function<String, MockResponse> fault) {
      faults.computeIfAbsent(page, p -> new CopyOnWriteArrayList<>()).add(fault);
      return this;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String cursor = request.getUrl().queryParameter("cursor");
      int page = cursor == null ? 0 : Integer.parseInt(cursor.substring(1));
      requested.add(page);
      int attempt = attempts.computeIfAbsent(page, p -> new AtomicInteger()).getAndIncrement();
      List<Function<String, MockResponse>> pageFaults = faults.getOrDefault(page, List.of());
      return attempt < pageFaults.size() ? pageFaults.get(attempt).apply(cursorPage(page)) : ok(cursorPage(page));
    }
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body("{}").build();
  }

  private static MockResponse reset() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  private static MockResponse cutMidBody(String body) {
    String padded = body.substring(0, body.length() - 1) + ",\"pad\":\"" + "p".repeat(4000) + "\"}";
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(padded)
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  private static MockResponse slowHeaders(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body)
        .headersDelay(1, TimeUnit.SECONDS).build();
  }

  @Test
  void transientFaultsWhilePagingRetryOnlyTheFailedPageSoNoItemIsSkippedOrRepeated() {
    PagedServer paged = new PagedServer()
        .fail(1, b -> status(503))
        .fail(2, b -> reset())
        .fail(3, b -> status(429)).fail(3, b -> status(502))
        .fail(4, DataIntegrityTest::cutMidBody)
        .fail(6, DataIntegrityTest::slowHeaders);
    try (MockServer server = new MockServer();
        TestClient client = guarded(server).readTimeout(Duration.ofMillis(250)).build()) {
      server.server.setDispatcher(paged);
      List<String> ids = client.api.listByCursor("q", PER_PAGE).stream().map(t -> t.id).collect(Collectors.toList());
      assertEquals(allIds(), ids, "every item once, in order");
      assertEquals(List.of(0, 1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 6, 7), paged.requested,
          "each failed page is requested again, and only it");
    }
  }

  @Test
  void aPageThatFailsBeyondTheRetriesSurfacesAndTheSameIterationResumesAtThatPage() {
    PagedServer paged = new PagedServer();
    for (int i = 0; i < 3; i++) {
      paged.fail(5, b -> status(503));
    }
    try (MockServer server = new MockServer(); TestClient client = guarded(server).build()) {
      server.server.setDispatcher(paged);
      Iterator<TestApi.Thing> items = client.api.listByCursor(null, null).autoPage().iterator();
      List<String> seen = new ArrayList<>();
      ServerException failure = null;
      while (true) {
        try {
          if (!items.hasNext()) {
            break;
          }
          seen.add(items.next().id);
        } catch (ServerException e) {
          assertEquals(null, failure, "the page fails once, then the retry of the iteration succeeds");
          failure = e;
          secrets.guard().check(e);
          assertEquals(allIds().subList(0, 5 * PER_PAGE), seen, "items before the failed page, each once");
        }
      }
      assertInstanceOf(ServerException.class, failure);
      assertEquals(allIds(), seen, "resuming loses and repeats nothing");
      assertEquals(List.of(0, 1, 2, 3, 4, 5, 5, 5, 5, 6, 7), paged.requested);
    }
  }

  @Test
  void anUndecodablePageIsNotRetriedAndDeliversNoPartialItems() {
    PagedServer paged = new PagedServer().fail(2, b -> ok(b.substring(0, b.length() / 2)));
    try (MockServer server = new MockServer(); TestClient client = guarded(server).build()) {
      server.server.setDispatcher(paged);
      List<String> seen = new ArrayList<>();
      DecodeException e = assertThrows(DecodeException.class,
          () -> client.api.listByCursor(null, null).autoPage().forEach(t -> seen.add(t.id)));
      assertEquals(allIds().subList(0, 2 * PER_PAGE), seen);
      assertEquals(List.of(0, 1, 2), paged.requested);
      assertTrue(e.getMessage().startsWith("cannot decode CursorThings"), e.getMessage());
      secrets.guard().check(e);
    }
  }

  private static byte[] content(int size) {
    byte[] bytes = new byte[size];
    new Random(11).nextBytes(bytes);
    return bytes;
  }

  private List<Path> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.collect(Collectors.toList());
    }
  }

  /** A body of {@code declared} bytes of which only {@code sent} arrive before the connection closes. */
  private static MockResponse.Builder shortBody(int declared, int sent) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
        .body(new Buffer().write(content(declared), 0, sent)).setHeader("Content-Length", String.valueOf(declared))
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE);
  }

  @ParameterizedTest(name = "{1} of {0} bytes arrive, target existed before: {2}")
  @CsvSource({"100000, 0, true", "100000, 0, false", "100000, 1, false", "100000, 50000, true",
      "100000, 99999, true", "100000, 99999, false", "1, 0, true"})
  void saveToNeverLeavesAPartialFileAtTheTarget(int declared, int sent, boolean targetExisted) throws IOException {
    Path target = dir.resolve("report.pdf");
    if (targetExisted) {
      Files.write(target, new byte[] {7, 7, 7});
    }
    try (MockServer server = new MockServer(); TestClient client = guarded(server).build()) {
      server.enqueue(shortBody(declared, sent));
      Download download = client.api.download("f").execute();
      NetworkException e = assertThrows(NetworkException.class, () -> download.saveTo(target));
      assertTrue(e.getMessage().startsWith("download to report.pdf failed"), e.getMessage());
      secrets.guard().check(e);
      if (targetExisted) {
        assertArrayEquals(new byte[] {7, 7, 7}, Files.readAllBytes(target), "the previous file is untouched");
        assertEquals(List.of(target), filesInDir(), "no temporary file is left beside it");
      } else {
        assertEquals(List.of(), filesInDir(), "neither the target nor a temporary file exists");
      }
    }
  }

  @Test
  void aDownloadStreamShorterThanItsDeclaredLengthFailsInsteadOfEndingQuietly() throws IOException {
    try (MockServer server = new MockServer(); TestClient client = guarded(server).build()) {
      server.enqueue(shortBody(5000, 4000));
      try (Download download = client.api.download("f").execute(); InputStream in = download.inputStream()) {
        IOException e = assertThrows(IOException.class, in::readAllBytes);
        assertTrue(e.getMessage().contains("unexpected end of stream") || e.getMessage().contains("received 4000 of 5000"),
            e.getMessage());
      }
    }
  }

  @Test
  void aChunkedDownloadCutMidwayFailsAndLeavesNoFile() throws IOException {
    try (MockServer server = new MockServer(); TestClient client = guarded(server).build()) {
      server.enqueue(new MockResponse.Builder().code(200).chunkedBody(new Buffer().write(content(200_000)), 8192)
          .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE));
      Download download = client.api.download("f").execute();
      assertEquals(-1, download.contentLength());
      assertThrows(NetworkException.class, () -> download.saveTo(dir.resolve("chunked.bin")));
      assertEquals(List.of(), filesInDir());
    }
  }

  @Test
  void aDownloadThatStallsPastTheReadTimeoutIsATimeoutAndLeavesNoFile() throws IOException {
    try (MockServer server = new MockServer();
        TestClient client = guarded(server).readTimeout(Duration.ofMillis(200)).build()) {
      server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(content(10_000)))
          .bodyDelay(1, TimeUnit.SECONDS));
      Download download = client.api.download("f").execute();
      MergeTimeoutException e = assertThrows(MergeTimeoutException.class, () -> download.saveTo(dir.resolve("slow.bin")));
      assertTrue(e.getMessage().startsWith("download to slow.bin timed out"), e.getMessage());
      secrets.guard().check(e);
      assertEquals(List.of(), filesInDir());
    }
  }

  @Test
  void aProgressListenerThatThrowsLeavesNoFileAndTheConnectionReleased() throws IOException {
    Path target = dir.resolve("out.bin");
    okhttp3.OkHttpClient base = new okhttp3.OkHttpClient();
    try (MockServer server = new MockServer(); TestClient client = guarded(server).httpClient(base).build()) {
      server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(content(300_000))));
      Download download = client.api.download("f").execute();
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> download.saveTo(target, (soFar, total) -> {
        if (soFar > 100_000) {
          throw new IllegalStateException("disk quota");
        }
      }));
      assertEquals("disk quota", e.getMessage());
      assertEquals(List.of(), filesInDir());
      assertEquals(0, base.connectionPool().connectionCount() - base.connectionPool().idleConnectionCount());
    } finally {
      base.connectionPool().evictAll();
    }
  }

  @Test
  void aCompleteDownloadReplacesTheTargetWithExactlyTheBytesSent() throws IOException {
    byte[] bytes = content(150_000);
    Path target = dir.resolve("replace.bin");
    Files.write(target, new byte[] {1});
    try (MockServer server = new MockServer(); TestClient client = guarded(server).build()) {
      server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(bytes)));
      assertEquals(target, client.api.download("f").execute().saveTo(target));
      assertArrayEquals(bytes, Files.readAllBytes(target));
      assertEquals(List.of(target), filesInDir());
      assertFalse(Files.exists(dir.resolve("replace.bin.part")));
    }
  }
}
