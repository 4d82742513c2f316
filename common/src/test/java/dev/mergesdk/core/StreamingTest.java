package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingTest {
  @TempDir
  Path dir;

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(7).nextBytes(bytes);
    return bytes;
  }

  @Test
  void downloadExposesTypeLengthAndFileNameAndStreamsTheBody() throws IOException {
    byte[] content = randomBytes(300_000);
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/pdf")
          .addHeader("Content-Disposition", "attachment; filename=\"Q3 report.pdf\"")
          .body(new Buffer().write(content)));
      try (Download download = client.api.download("f1").execute()) {
        assertEquals("application/pdf", download.contentType().orElseThrow());
        assertEquals(content.length, download.contentLength());
        assertEquals("Q3 report.pdf", download.fileName().orElseThrow());
        assertArrayEquals(content, download.inputStream().readAllBytes());
      }
    }
  }

  @Test
  void executeReturnsBeforeTheBodyHasArrivedSoNothingIsBufferedWhole() throws IOException {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      // 4 MiB at 256 KiB every 100 ms: the whole body takes about 1.6 s to arrive.
      server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(new byte[4 << 20]))
          .throttleBody(256 * 1024, 100, TimeUnit.MILLISECONDS));
      long start = System.nanoTime();
      try (Download download = client.api.download("big").execute(); InputStream in = download.inputStream()) {
        byte[] first = new byte[1024];
        assertEquals(1024, in.readNBytes(first, 0, first.length));
        long firstBytesMs = (System.nanoTime() - start) / 1_000_000;
        long total = 1024 + in.transferTo(java.io.OutputStream.nullOutputStream());
        long allBytesMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(4 << 20, total);
        assertTrue(firstBytesMs * 3 < allBytesMs,
            "first bytes after " + firstBytesMs + " ms, whole body after " + allBytesMs + " ms");
      }
    }
  }

  @Test
  void saveToWritesTheFileAndReportsProgress() {
    byte[] content = randomBytes(200_000);
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(content)));
      AtomicLong last = new AtomicLong();
      Path target = dir.resolve("out/file.bin");
      client.api.download("f").execute().saveTo(target, (soFar, total) -> {
        assertEquals(content.length, total);
        last.set(soFar);
      });
      assertEquals(content.length, last.get());
      assertArrayEquals(content, readAll(target));
    }
  }

  @Test
  void aTruncatedDownloadFailsAndLeavesNeitherTargetNorTemporaryFile() throws IOException {
    Path target = dir.resolve("existing.bin");
    Files.write(target, new byte[] {1, 2, 3});
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(new byte[100_000]))
          .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE));
      Download download = client.api.download("f").execute();
      assertThrows(NetworkException.class, () -> download.saveTo(target));
      assertArrayEquals(new byte[] {1, 2, 3}, readAll(target), "the previous file is untouched");
      try (java.util.stream.Stream<Path> files = Files.list(dir)) {
        assertEquals(1, files.count(), "no partial file is left behind");
      }
    }
  }

  @Test
  void aDownloadShorterThanItsDeclaredLengthIsAnErrorNotASilentlyShortFile() throws IOException {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(new byte[4000]))
          .setHeader("Content-Length", "5000").onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE));
      Download download = client.api.download("f").execute();
      assertThrows(NetworkException.class, () -> download.saveTo(dir.resolve("short.bin")));
      assertFalse(Files.exists(dir.resolve("short.bin")));
    }
  }

  @Test
  void uploadFromAPathStreamsTheFileAndCanBeRetried() throws IOException {
    byte[] content = randomBytes(1 << 20);
    Path file = dir.resolve("upload.bin");
    Files.write(file, content);
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(503, "{}").enqueue(new MockResponse.Builder().code(200));
      client.api.upload("tok", Upload.fromPath(file)).execute();
      server.take();
      mockwebserver3.RecordedRequest request = server.take();
      assertEquals("PUT", request.getMethod());
      assertEquals("application/octet-stream", request.getHeaders().get("Content-Type"));
      assertArrayEquals(content, request.getBody().toByteArray());
    }
  }

  @Test
  void uploadFromAStreamIsReadIncrementallyAsTheNetworkTakesIt() throws IOException {
    int size = 8 << 20;
    AtomicLong maxAhead = new AtomicLong();
    InputStream generated = new InputStream() {
      long produced;

      @Override
      public int read() {
        return produced < size ? (int) (produced++ & 0x7f) : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (produced >= size) {
          return -1;
        }
        int n = (int) Math.min(len, size - produced);
        for (int i = 0; i < n; i++) {
          b[off + i] = (byte) ((produced + i) & 0x7f);
        }
        produced += n;
        maxAhead.accumulateAndGet(n, Math::max);
        return n;
      }
    };
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.enqueue(new MockResponse.Builder().code(200));
      client.api.upload("tok", Upload.fromStream(generated, size, "application/zip")).execute();
      mockwebserver3.RecordedRequest request = server.take();
      assertEquals(size, request.getBodySize());
      assertEquals("application/zip", request.getHeaders().get("Content-Type"));
      assertTrue(maxAhead.get() <= 64 * 1024, "read in chunks of at most " + maxAhead.get() + " bytes");
    }
  }

  @Test
  void aStreamUploadIsNotRetriedBecauseItCannotBeReplayed() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(503, "{}").enqueue(new MockResponse.Builder().code(200));
      assertThrows(ServerException.class,
          () -> client.api.upload("tok", Upload.fromStream(new java.io.ByteArrayInputStream(new byte[10]), 10, null)).execute());
      assertEquals(1, server.requestCount());
    }
  }

  private static byte[] readAll(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
