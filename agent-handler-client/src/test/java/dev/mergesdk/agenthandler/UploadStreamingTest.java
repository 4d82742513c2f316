package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.agenthandler.model.FileUploadResult;
import dev.mergesdk.core.MergeCall;
import dev.mergesdk.core.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import dev.mergesdk.testkit.RecordedCall;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Uploads go from disk or stream to the socket as the connection takes them, never whole into memory. */
class UploadStreamingTest {
  private static final String NETWORK_WRITER = "okhttp3.internal.http.CallServerInterceptor";

  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @TempDir
  Path dir;

  @Test
  void aFileIsSentWithItsLengthAndReadWhenTheRequestGoesOutNotWhenTheCallIsMade() throws Exception {
    long size = 8L * 1024 * 1024;
    Path file = dir.resolve("export.bin");
    writePattern(file, size, 7);
    MergeCall<FileUploadResult> call = client.files().upload("fr_file", Upload.fromPath(file));
    // Had the bytes been copied when the call was built, the server would get the old content.
    writePattern(file, size, 13);
    server.enqueueFixture(200, "files_upload");

    FileUploadResult result = call.execute();

    RecordedCall request = server.takeRequest("PUT", "/files/fr_file/upload/");
    assertEquals(String.valueOf(size), request.header("Content-Length"));
    assertNull(request.header("Transfer-Encoding"));
    assertEquals(size, request.bodySize());
    assertEquals(sha256(new PatternStream(size, 13)), sha256(request.bodyBytes()));
    assertEquals("fr_8Hq2LmX0", result.getFileReference());
  }

  @Test
  void aStreamIsReadInSmallStepsOnlyWhileTheConnectionWritesTheBody() throws Exception {
    long size = 16L * 1024 * 1024;
    PatternStream stream = new PatternStream(size, 29);
    server.enqueueFixture(200, "files_upload");

    client.files().upload("fr_stream", Upload.fromStream(stream, size, "application/zip")).execute();

    RecordedCall request = server.takeRequest("PUT", "/files/fr_stream/upload/");
    assertEquals("application/zip", request.header("Content-Type"));
    assertEquals(size, request.bodySize());
    assertEquals(sha256(new PatternStream(size, 29)), sha256(request.bodyBytes()));
    assertEquals(size, stream.bytesRead);
    assertTrue(stream.largestRead <= 64 * 1024, "largest single read: " + stream.largestRead);
    assertTrue(stream.readsOutsideNetworkWrite == 0,
        stream.readsOutsideNetworkWrite + " reads happened outside " + NETWORK_WRITER + ", so the body was buffered");
    assertTrue(stream.closed, "the stream is closed once sent");
  }

  @Test
  void aStreamOfUnknownLengthIsSentChunked() throws Exception {
    long size = 3L * 1024 * 1024 + 17;
    server.enqueueFixture(200, "files_upload");

    client.files().upload("fr_chunked", Upload.fromStream(new PatternStream(size, 5), -1, null)).execute();

    RecordedCall request = server.takeRequest("PUT", "/files/fr_chunked/upload/");
    assertEquals("chunked", request.header("Transfer-Encoding"));
    assertTrue(request.request().getChunkSizes().size() > 1, "sent in " + request.request().getChunkSizes().size() + " chunk(s)");
    assertEquals(size, request.bodySize());
    assertEquals(sha256(new PatternStream(size, 5)), sha256(request.bodyBytes()));
  }

  private static void writePattern(Path file, long size, int seed) throws IOException {
    try (InputStream in = new PatternStream(size, seed); OutputStream out = Files.newOutputStream(file)) {
      in.transferTo(out);
    }
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) != -1; ) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Generates {@code size} bytes of a repeating pattern without holding them, and records how it is read: how
   * much per call, and whether each read happened while OkHttp was writing the request body to the socket.
   */
  private static final class PatternStream extends InputStream {
    private final long size;
    private final int seed;
    private long position;
    long bytesRead;
    int largestRead;
    int readsOutsideNetworkWrite;
    boolean closed;

    PatternStream(long size, int seed) {
      this.size = size;
      this.seed = seed;
    }

    private byte byteAt(long i) {
      return (byte) ((i * seed + (i >>> 11)) % 251);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= size) {
        return -1;
      }
      boolean inNetworkWrite = StackWalker.getInstance()
          .walk(frames -> frames.anyMatch(f -> f.getClassName().equals(NETWORK_WRITER)));
      if (!inNetworkWrite) {
        readsOutsideNetworkWrite++;
      }
      int n = (int) Math.min(len, size - position);
      for (int i = 0; i < n; i++) {
        b[off + i] = byteAt(position + i);
      }
      position += n;
      bytesRead += n;
      largestRead = Math.max(largestRead, n);
      return n;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
