package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.core.Download;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Downloads hand over bytes as they arrive instead of waiting for the whole file. */
class DownloadStreamingTest {
  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @TempDir
  Path dir;

  @Test
  void theFirstBytesAreReadableWhileTheServerIsStillHoldingBackTheRest() {
    byte[] head = pattern(64 * 1024, 3);
    byte[] tail = pattern(2 * 1024 * 1024, 11);
    CountDownLatch headRead = new CountDownLatch(1);
    server.enqueue(new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/octet-stream")
        .body(new MockResponseBody() {
          @Override
          public long getContentLength() {
            return head.length + tail.length;
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            sink.write(head);
            sink.flush();
            // The rest is sent only after the client has consumed the head: a client that waited for the whole
            // body before handing it over would never get here.
            try {
              if (!headRead.await(10, TimeUnit.SECONDS)) {
                throw new IOException("the client did not read the first bytes before the body was complete");
              }
            } catch (InterruptedException e) {
              throw new IOException(e);
            }
            sink.write(tail);
          }
        })
        .build());

    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      try (Download download = client.files().download("dl_stream").execute()) {
        InputStream in = download.inputStream();
        assertArrayEquals(head, readExactly(in, head.length));
        headRead.countDown();
        assertArrayEquals(tail, in.readAllBytes());
        assertEquals(head.length + tail.length, download.contentLength());
      }
    });
    server.takeRequestWithoutBody("GET", "/files/dl_stream/download/");
  }

  @Test
  void saveToWritesAThrottledBodyToDiskPieceByPieceWithTheDeclaredLength() throws Exception {
    byte[] body = pattern(3 * 1024 * 1024, 17);
    server.enqueue(new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/octet-stream")
        .addHeader("Content-Disposition", "attachment; filename=\"archive.bin\"")
        .body(new okio.Buffer().write(body))
        .throttleBody(256 * 1024, 20, TimeUnit.MILLISECONDS)
        .build());
    Path target = dir.resolve("downloads").resolve("archive.bin");
    List<Long> progress = new ArrayList<>();
    long[] declared = {0};

    try (Download download = client.files().download("dl_throttled").execute()) {
      download.saveTo(target, (soFar, total) -> {
        progress.add(soFar);
        declared[0] = total;
      });
    }

    server.takeRequestWithoutBody("GET", "/files/dl_throttled/download/");
    assertEquals(body.length, Files.size(target));
    assertArrayEquals(body, Files.readAllBytes(target));
    assertEquals(body.length, declared[0]);
    assertTrue(progress.size() > 10, "written in " + progress.size() + " steps");
    assertTrue(progress.get(0) < body.length / 4, "first step already had " + progress.get(0) + " bytes");
    assertEquals(body.length, progress.get(progress.size() - 1));
  }

  /**
   * Reads exactly {@code n} bytes with plain reads. (InputStream.readNBytes ends with a zero-length read, which
   * okio's stream answers by waiting for more data, so it cannot be used while the server holds the rest back.)
   */
  private static byte[] readExactly(InputStream in, int n) throws IOException {
    byte[] bytes = new byte[n];
    for (int read = 0; read < n; ) {
      int r = in.read(bytes, read, n - read);
      if (r == -1) {
        throw new IOException("stream ended after " + read + " of " + n + " bytes");
      }
      read += r;
    }
    return bytes;
  }

  private static byte[] pattern(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) ((i * seed + (i >>> 9)) % 251);
    }
    return bytes;
  }
}
