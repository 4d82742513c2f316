package dev.mergesdk.core;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import okio.BufferedSource;

/**
 * A response body as UTF-8 text for the JSON reader, read straight from OkHttp's buffer: the JDK's own UTF-8
 * decoder (so malformed bytes become U+FFFD exactly as with {@code InputStreamReader}), without the input-stream
 * adapter and the 8 KiB buffer an {@code InputStreamReader} adds to every call.
 *
 * <p>It also enforces the body size limit, failing once more than {@code max} bytes have arrived, and remembers a
 * transfer failure, so that {@link ResponseDecoder} reports it as a network failure rather than undecodable JSON.
 * It hands out what has arrived instead of waiting to fill the caller's buffer, so decoding overlaps the transfer.
 */
final class Utf8BodyReader extends Reader {
  private final BufferedSource source;
  private final long max;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPLACE)
      .onUnmappableCharacter(CodingErrorAction.REPLACE);
  /** Undecoded bytes, between its position and limit. */
  private final ByteBuffer bytes = ByteBuffer.allocate(2048).flip();
  /** The caller's buffer as the decoder writes it; the JSON reader passes the same array every time. */
  private CharBuffer target;
  /** The second half of a surrogate pair that did not fit in the caller's buffer; -1 when none. */
  private int pending = -1;
  private boolean ended;
  private boolean flushed;
  /** Bytes taken from the source so far. */
  long total;
  /** The transfer failure, once one happened. */
  IOException failure;
  /** Whether the body went over {@code max}. */
  boolean tooLarge;

  Utf8BodyReader(BufferedSource source, long max) {
    this.source = source;
    this.max = max;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pending >= 0) {
      cbuf[off] = (char) pending;
      pending = -1;
      return 1;
    }
    if (len == 1) {
      return readOne(cbuf, off);
    }
    if (flushed) {
      return -1;
    }
    CharBuffer out = target;
    if (out == null || out.array() != cbuf) {
      out = CharBuffer.wrap(cbuf);
      target = out;
    }
    out.clear().position(off).limit(off + len);
    while (true) {
      CoderResult result = decoder.decode(bytes, out, ended);
      if (result.isError()) {
        result.throwException(); // cannot happen with REPLACE
      }
      if (result.isOverflow()) {
        break;
      }
      if (ended) {
        if (!flushed && decoder.flush(out).isUnderflow()) {
          flushed = true;
        }
        break;
      }
      if (out.position() > off && source.getBuffer().size() == 0) {
        break; // what has arrived, rather than waiting for more
      }
      fill();
    }
    int n = out.position() - off;
    return n == 0 && flushed ? -1 : n;
  }

  /** A one-char read: a supplementary character does not fit, so it is decoded whole and its second half kept. */
  private int readOne(char[] cbuf, int off) throws IOException {
    char[] two = new char[2];
    int n = read(two, 0, 2);
    if (n == -1) {
      return -1;
    }
    cbuf[off] = two[0];
    if (n == 2) {
      pending = two[1];
    }
    return 1;
  }

  /** Reads more bytes from the source after the undecoded ones; at the end of the body marks it ended. */
  private void fill() throws IOException {
    bytes.compact();
    int read;
    try {
      read = source.read(bytes.array(), bytes.position(), bytes.remaining());
    } catch (IOException e) {
      failure = e;
      throw e;
    }
    if (read == -1) {
      ended = true;
    } else {
      bytes.position(bytes.position() + read);
      total += read;
    }
    bytes.flip();
    if (total > max) {
      tooLarge = true;
      throw new IOException("response body exceeds the " + max + "-byte limit");
    }
  }

  @Override
  public void close() {
    // The body is closed by whoever opened it.
  }
}
