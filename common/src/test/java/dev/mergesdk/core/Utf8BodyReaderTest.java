package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

class Utf8BodyReaderTest {
  private static final long SEED = 20261202L;

  @Test
  void decodesEveryByteSequenceAsTheJdkDoesWhateverTheChunkingOfTransferAndReads() throws IOException {
    Random random = new Random(SEED);
    for (int i = 0; i < 3000; i++) {
      int round = i;
      byte[] body = randomBytes(random);
      String expected = new String(body, StandardCharsets.UTF_8);
      String actual = readAll(new Utf8BodyReader(trickled(body, 1 + random.nextInt(7)), Long.MAX_VALUE), random);
      assertEquals(expected, actual, () -> "round " + round + ": " + hex(body));
    }
  }

  @Test
  void aSupplementaryCharacterSplitAcrossTheCallersBufferIsKeptWhole() throws IOException {
    String text = "a\uD83D\uDE00b"; // U+1F600 between two letters
    Utf8BodyReader reader = new Utf8BodyReader(trickled(text.getBytes(StandardCharsets.UTF_8), 1), Long.MAX_VALUE);
    StringBuilder out = new StringBuilder();
    char[] one = new char[1];
    for (int n; (n = reader.read(one, 0, 1)) != -1; ) {
      out.append(one, 0, n);
    }
    assertEquals(text, out.toString());
  }

  @Test
  void moreBytesThanTheLimitFailTheReadAndAreMarkedAsTooLarge() {
    Utf8BodyReader reader = new Utf8BodyReader(trickled(new byte[100], 7), 50);
    assertThrows(IOException.class, () -> readAll(reader, new Random(SEED)));
    assertTrue(reader.tooLarge);
  }

  @Test
  void aTransferFailureIsRememberedAsTheFailureItself() {
    IOException reset = new IOException("connection reset");
    Source failing = new Source() {
      private boolean sent;

      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        if (sent) {
          throw reset;
        }
        sent = true;
        sink.writeUtf8("{\"id\":");
        return 6;
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {
      }
    };
    Utf8BodyReader reader = new Utf8BodyReader(Okio.buffer(failing), Long.MAX_VALUE);
    assertSame(reset, assertThrows(IOException.class, () -> readAll(reader, new Random(SEED))));
    assertSame(reset, reader.failure);
  }

  /** Mostly text in every UTF-8 length, with stray, truncated, overlong and surrogate-range sequences mixed in. */
  private static byte[] randomBytes(Random random) {
    Buffer out = new Buffer();
    int parts = random.nextInt(12);
    for (int i = 0; i < parts; i++) {
      switch (random.nextInt(6)) {
        case 0:
          out.writeUtf8("{\"name\":\"r\u00e9sum\u00e9 \u20ac\"}");
          break;
        case 1:
          out.writeUtf8CodePoint(0x10000 + random.nextInt(0x100000));
          break;
        case 2:
          out.writeUtf8CodePoint(0x80 + random.nextInt(0xD800 - 0x80));
          break;
        case 3:
          out.writeByte(0x80 + random.nextInt(0x80)); // any non-ASCII byte, valid or not where it lands
          break;
        case 4:
          int[] tricky = {0xC0, 0xC1, 0xE0, 0x80, 0xED, 0xA0, 0xF0, 0x8F, 0xF4, 0x90, 0xF5, 0xFF};
          out.writeByte(tricky[random.nextInt(tricky.length)]);
          break;
        default:
          out.writeUtf8("plain ascii " + random.nextInt(1000));
      }
    }
    return out.readByteArray();
  }

  private static BufferedSource trickled(byte[] body, int chunk) {
    Buffer all = new Buffer().write(body);
    return Okio.buffer(new Source() {
      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        if (all.size() == 0) {
          return -1;
        }
        long n = Math.min(Math.min(chunk, byteCount), all.size());
        sink.write(all, n);
        return n;
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {
      }
    });
  }

  private static String readAll(Utf8BodyReader reader, Random random) throws IOException {
    StringBuilder out = new StringBuilder();
    char[] buffer = new char[1 + random.nextInt(16)];
    for (int n; (n = reader.read(buffer, 0, buffer.length)) != -1; ) {
      assertTrue(n > 0, "a read returns chars or the end");
      out.append(buffer, 0, n);
    }
    return out.toString();
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%02x ", b & 0xFF));
    }
    return sb.toString();
  }
}
