package dev.mergesdk.filestorage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.core.Download;
import dev.mergesdk.core.NetworkException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A download is handed over as a live stream: nothing waits for, or holds, the whole body. */
class DownloadStreamingTest {
  private static final String FILE_ID = "d4c3b2a1-9f8e-4d7c-b6a5-4f3e2d1c0b04";

  @RegisterExtension final MergeMock server = TestClients.mock();
  private final FileStorageClient client = TestClients.client(server);

  @Test
  void firstBytesAreReadableLongBeforeTheWholeBodyCouldHaveArrived() throws Exception {
    byte[] content = bytes(8 * 1024 * 1024, 1);
    // 64 KiB every 50 ms: the whole body needs at least 127 pauses, 6.35 s, to get through.
    long bytesPerPeriod = 64 * 1024;
    long periodMillis = 50;
    long wholeBodyMillis = (content.length / bytesPerPeriod - 1) * periodMillis;
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/octet-stream")
        .body(new Buffer().write(content))
        .throttleBody(bytesPerPeriod, periodMillis, TimeUnit.MILLISECONDS)
        .build());

    long start = System.nanoTime();
    try (Download download = client.files().download(FILE_ID).execute();
        InputStream in = download.inputStream()) {
      byte[] first = in.readNBytes(32 * 1024);
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      server.takeRequest("GET", "/files/" + FILE_ID + "/download");
      assertEquals(content.length, download.contentLength());
      assertArrayEquals(Arrays.copyOf(content, first.length), first);
      // Had execute() buffered the body, it could not have returned before the last byte arrived.
      assertTrue(elapsedMillis < wholeBodyMillis / 2,
          "first bytes took " + elapsedMillis + " ms; the whole body needs at least " + wholeBodyMillis + " ms");
    }
  }

  @Test
  void saveToWritesTheWholeThrottledBodyToTheTargetFile(@TempDir Path dir) throws Exception {
    byte[] content = bytes(3 * 1024 * 1024 + 17, 3);
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/pdf")
        .body(new Buffer().write(content))
        .throttleBody(256 * 1024, 5, TimeUnit.MILLISECONDS)
        .build());
    Path target = dir.resolve("reports").resolve("Q1 roadmap.pdf");
    long[] lastProgress = {0, 0};

    Path saved = client.files().download(FILE_ID).execute()
        .saveTo(target, (soFar, total) -> {
          lastProgress[0] = soFar;
          lastProgress[1] = total;
        });

    server.takeRequest("GET", "/files/" + FILE_ID + "/download");
    assertEquals(target, saved);
    assertEquals(content.length, Files.size(target));
    assertArrayEquals(sha256(content), sha256(Files.readAllBytes(target)));
    assertEquals(content.length, lastProgress[0]);
    assertEquals(content.length, lastProgress[1]);
    try (var leftovers = Files.list(target.getParent())) {
      assertFalse(leftovers.anyMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
    }
  }

  @Test
  void saveToLeavesNoFileWhenTheTransferIsCutShort(@TempDir Path dir) throws IOException {
    byte[] content = bytes(256 * 1024, 4);
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/octet-stream")
        .body(new Buffer().write(content))
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
        .build());
    Path target = dir.resolve("cut.bin");

    Download download = client.files().download(FILE_ID).execute();
    server.takeRequest("GET", "/files/" + FILE_ID + "/download");

    NetworkException failure = assertThrows(NetworkException.class, () -> download.saveTo(target));
    assertTrue(failure.getMessage().contains("cut.bin"), failure.getMessage());
    assertFalse(Files.exists(target), "a partial download must not appear at the target");
    try (var leftovers = Files.list(dir)) {
      assertEquals(0, leftovers.count(), "the temporary file must be removed");
    }
  }

  private static byte[] bytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  private static byte[] sha256(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }

}
