package dev.mergesdk.core;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.ResponseBody;

/**
 * A file body streamed from the server. It owns the open response: read it once, through {@link #inputStream()}
 * or {@link #saveTo(Path)}, and close it (try-with-resources) to release the connection. Nothing is buffered
 * whole in memory.
 */
public final class Download implements Closeable {
  private static final Pattern FILENAME_STAR = Pattern.compile("filename\\*\\s*=\\s*(?:UTF-8|utf-8)''([^;]+)");
  private static final Pattern FILENAME = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?");

  private final ResponseBody body;
  private final Headers headers;

  Download(ResponseBody body, Headers headers) {
    this.body = body;
    this.headers = headers;
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

  /** {@return the file name from {@code Content-Disposition}, when the server sent one} */
  public Optional<String> fileName() {
    String disposition = headers.get("Content-Disposition");
    if (disposition == null) {
      return Optional.empty();
    }
    Matcher star = FILENAME_STAR.matcher(disposition);
    if (star.find()) {
      return Optional.of(java.net.URLDecoder.decode(star.group(1).trim(), java.nio.charset.StandardCharsets.UTF_8));
    }
    Matcher plain = FILENAME.matcher(disposition);
    return plain.find() ? Optional.of(plain.group(1).trim()) : Optional.empty();
  }

  /**
   * Returns the body as a stream that owns the response; closing it releases the connection. Reading past the
   * end fails with an {@link IOException} if fewer bytes arrived than the declared length.
   *
   * @return the stream
   */
  public InputStream inputStream() {
    return new LengthCheckingStream(body.byteStream(), body.contentLength());
  }

  /**
   * Writes the body to a temporary file beside {@code target} and moves it into place only once it is complete
   * and its length matches the declared length. On any failure the target is untouched and the temporary file is
   * deleted. Closes this download.
   *
   * @param target where the file should end up; replaced if it exists
   * @return target
   * @throws NetworkException when the transfer fails or is truncated ({@link MergeTimeoutException} when it stalls)
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
   */
  public Path saveTo(Path target, ProgressListener progress) {
    Objects.requireNonNull(target, "target must not be null");
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path temp = null;
    try (InputStream in = inputStream()) {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".part");
      long total = contentLength();
      long written = 0;
      byte[] buffer = new byte[64 * 1024];
      try (OutputStream out = Files.newOutputStream(temp)) {
        for (int n; (n = in.read(buffer)) != -1; ) {
          out.write(buffer, 0, n);
          written += n;
          if (progress != null) {
            progress.onProgress(written, total);
          }
        }
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
      return target;
    } catch (IOException e) {
      if (RealMergeCall.isTimeout(e)) {
        throw new MergeTimeoutException("download to " + target.getFileName() + " timed out: " + e.getMessage(), e);
      }
      throw new NetworkException("download to " + target.getFileName() + " failed: " + e.getMessage(), e);
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

  @Override
  public void close() {
    body.close();
  }

  @Override
  public String toString() {
    return "Download{contentType=" + contentType().orElse("?") + ", length=" + contentLength() + "}";
  }

  /** Receives download progress. */
  @FunctionalInterface
  public interface ProgressListener {
    /**
     * Called as bytes of the download arrive.
     *
     * @param bytesSoFar bytes received so far
     * @param totalBytes declared total, or -1 when unknown
     */
    void onProgress(long bytesSoFar, long totalBytes);
  }

  /** Fails at end of stream when fewer bytes arrived than declared, so a cut transfer is never taken as whole. */
  private static final class LengthCheckingStream extends FilterInputStream {
    private final long expected;
    private long seen;

    LengthCheckingStream(InputStream in, long expected) {
      super(in);
      this.expected = expected;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b == -1) {
        checkComplete();
      } else {
        seen++;
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
      }
      return n;
    }

    private void checkComplete() throws IOException {
      if (expected >= 0 && seen != expected) {
        throw new IOException(String.format(Locale.ROOT,
            "download truncated: received %d of %d declared bytes", seen, expected));
      }
    }
  }
}
