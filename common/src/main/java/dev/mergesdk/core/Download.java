package dev.mergesdk.core;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A file body streamed from the server. It owns the open response: read it once, through {@link #inputStream()}
 * or {@link #saveTo(Path)}, and close it (try-with-resources) to release the connection. Nothing is buffered
 * whole in memory.
 *
 * <p>A transfer cut short is an error, never a short file, whenever its length can be checked: the server
 * declared it ({@code Content-Length}), or framed the body (chunked, HTTP/2). A body with neither ends when the
 * connection closes, which looks the same as a cut; {@link #lengthVerifiable()} tells, and
 * {@link #expectLength(long)} takes the length known from elsewhere (the file's {@code size}) to check it.
 */
public final class Download implements Closeable {
  private final ResponseBody body;
  private final Headers headers;
  private final boolean framed;
  private final SecretScrubber scrubber;
  private long expectedLength = -1;

  Download(Response response, SecretScrubber scrubber) {
    this.body = response.body();
    this.headers = response.headers();
    this.framed = response.protocol() != Protocol.HTTP_1_0 && response.protocol() != Protocol.HTTP_1_1
        || "chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"));
    this.scrubber = scrubber;
  }

  /** {@return the content type the server declared} */
  public Optional<String> contentType() {
    MediaType type = body.contentType();
    return Optional.ofNullable(type == null ? headers.get("Content-Type") : type.toString());
  }

  /** {@return the length in bytes the server declared, or -1 when unknown} */
  public long contentLength() {
    return body.contentLength();
  }

  /**
   * Tells whether a transfer cut short will be noticed without {@link #expectLength(long)}.
   *
   * @return true when the server declared the length or framed the body
   */
  public boolean lengthVerifiable() {
    return expectedLength >= 0 || body.contentLength() >= 0 || framed;
  }

  /**
   * Checks the body against a length known from elsewhere, such as the file's {@code size}: a body of any other
   * length fails like a cut transfer. Call it before reading.
   *
   * @param bytes the expected length
   * @return this download
   */
  public Download expectLength(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative, was " + bytes);
    }
    this.expectedLength = bytes;
    return this;
  }

  /**
   * The file name from {@code Content-Disposition}, made safe to use as one file name in a local directory:
   * {@code dir.resolve(name)} stays inside {@code dir}. Only the last path segment is kept; control characters,
   * {@code <>:"|?*}, leading and trailing dots are dropped; it is at most 255 bytes of UTF-8.
   *
   * @return the safe name, or empty when the server sent none (or nothing usable, such as {@code ..})
   * @see #rawFileName()
   */
  public Optional<String> fileName() {
    return Optional.ofNullable(ContentDisposition.safeFileName(rawFileName().orElse(null)));
  }

  /**
   * The file name exactly as {@code Content-Disposition} gives it, decoded but not made safe: never use it as a
   * path.
   *
   * @return the raw name, or empty when the server sent none
   */
  public Optional<String> rawFileName() {
    return Optional.ofNullable(ContentDisposition.rawFileName(headers.get("Content-Disposition")));
  }

  /**
   * Returns the body as a stream that owns the response; closing it releases the connection. Reading past the
   * end fails with an {@link IOException} if fewer bytes arrived than the declared or expected length.
   *
   * @return the stream
   */
  public InputStream inputStream() {
    return new LengthCheckingStream(body.byteStream(), body.contentLength(), expectedLength);
  }

  /**
   * Writes the body to a temporary file beside {@code target} and moves it into place only once it is complete
   * and its length matches the declared (or expected) length. On any failure the target is untouched and the
   * temporary file is deleted. Closes this download.
   *
   * @param target where the file should end up; replaced if it exists
   * @return target
   * @throws NetworkException when the transfer fails or is truncated ({@link MergeTimeoutException} when it stalls)
   * @throws UncheckedIOException when the local file cannot be written
   */
  public Path saveTo(Path target) {
    return saveTo(target, null);
  }

  /**
   * Like {@link #saveTo(Path)}, reporting progress as bytes arrive.
   *
   * @param target where the file should end up; replaced if it exists
   * @param progress called with (bytes so far, declared total or -1); may be null
   * @return target
   * @throws NetworkException when the transfer fails or is truncated ({@link MergeTimeoutException} when it stalls)
   * @throws UncheckedIOException when the local file cannot be written
   */
  public Path saveTo(Path target, ProgressListener progress) {
    Objects.requireNonNull(target, "target must not be null");
    Path absolute = target.toAbsolutePath();
    Path temp = null;
    try (InputStream in = inputStream()) {
      // A short temporary name: the target's own name may already be as long as the file system allows.
      temp = local(() -> {
        Files.createDirectories(absolute.getParent());
        return Files.createTempFile(absolute.getParent(), ".download-", ".part");
      }, target);
      long total = contentLength();
      long written = 0;
      byte[] buffer = new byte[64 * 1024];
      Path file = temp;
      try (OutputStream out = local(() -> Files.newOutputStream(file), target)) {
        for (int n; (n = transfer(in, buffer, target)) != -1; ) {
          int count = n;
          local(() -> {
            out.write(buffer, 0, count);
            return null;
          }, target);
          written += n;
          if (progress != null) {
            progress.onProgress(written, total);
          }
        }
      }
      local(() -> {
        try {
          return Files.move(file, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          return Files.move(file, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
      }, target);
      temp = null;
      return target;
    } catch (IOException closeFailed) {
      throw new UncheckedIOException("cannot write " + target + ": " + closeFailed.getMessage(), closeFailed);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // The original failure is what the caller needs to see.
        }
      }
      close();
    }
  }

  /** One read from the network; its failure is the transfer's. */
  private int transfer(InputStream in, byte[] buffer, Path target) {
    try {
      return in.read(buffer);
    } catch (IOException e) {
      boolean timeout = ErrorMapping.isTimeout(e);
      String message = scrubber.scrub("download to " + target.getFileName() + (timeout ? " timed out: " : " failed: ")
          + e.getMessage());
      throw timeout ? new MergeTimeoutException(message, e) : new NetworkException(message, e);
    }
  }

  private interface LocalIo<T> {
    T run() throws IOException;
  }

  /** A step on the local file system; its failure is the caller's disk, not the network. */
  private static <T> T local(LocalIo<T> step, Path target) {
    try {
      return step.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e, e);
    }
  }

  @Override
  public void close() {
    body.close();
  }

  @Override
  public String toString() {
    return "Download{contentType=" + scrubber.scrub(contentType().orElse("?")) + ", length=" + contentLength() + "}";
  }

  /** Receives download progress. */
  @FunctionalInterface
  public interface ProgressListener {
    /**
     * Called after each chunk written.
     *
     * @param bytesSoFar bytes received so far
     * @param totalBytes declared total, or -1 when unknown
     */
    void onProgress(long bytesSoFar, long totalBytes);
  }

  /** Fails at end of stream when fewer bytes arrived than declared, so a cut transfer is never taken as whole. */
  private static final class LengthCheckingStream extends FilterInputStream {
    private final long declared;
    private final long expected;
    private long seen;

    LengthCheckingStream(InputStream in, long declared, long expected) {
      super(in);
      this.declared = declared;
      this.expected = expected;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b == -1) {
        checkComplete();
      } else {
        seen++;
        checkNotLonger();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        // okio would block waiting for data even though nothing was asked for (readNBytes ends this way).
        return 0;
      }
      int n = super.read(b, off, len);
      if (n == -1) {
        checkComplete();
      } else {
        seen += n;
        checkNotLonger();
      }
      return n;
    }

    private void checkNotLonger() throws IOException {
      if (expected >= 0 && seen > expected) {
        throw new IOException(String.format(Locale.ROOT, "download longer than expected: over %d bytes", expected));
      }
    }

    private void checkComplete() throws IOException {
      if (declared >= 0 && seen != declared) {
        throw new IOException(String.format(Locale.ROOT,
            "download truncated: received %d of %d declared bytes", seen, declared));
      }
      if (expected >= 0 && seen != expected) {
        throw new IOException(String.format(Locale.ROOT,
            "download truncated: received %d of %d expected bytes", seen, expected));
      }
    }
  }
}
