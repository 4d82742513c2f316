package dev.mergesdk.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * A request body streamed from a file or an {@link InputStream}, never read whole into memory. A file upload can
 * be retried; a stream upload is sent once.
 */
public final class Upload {
  private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
  private final RequestBody body;

  private Upload(RequestBody body) {
    this.body = body;
  }

  /**
   * Uploads a file.
   *
   * @param file the file to send
   * @return an upload of the file's bytes as {@code application/octet-stream}
   */
  public static Upload fromPath(Path file) {
    return fromPath(file, null);
  }

  /**
   * Uploads a file with a media type.
   *
   * @param file the file to send
   * @param contentType its media type, or null for {@code application/octet-stream}
   * @return the upload
   */
  public static Upload fromPath(Path file, String contentType) {
    Objects.requireNonNull(file, "file must not be null");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("file is not a readable regular file: " + file);
    }
    MediaType type = mediaType(contentType);
    return new Upload(new RequestBody() {
      @Override
      public MediaType contentType() {
        return type;
      }

      @Override
      public long contentLength() throws IOException {
        return Files.size(file);
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        try (Source source = Okio.source(file)) {
          sink.writeAll(source);
        }
      }
    });
  }

  /**
   * Uploads bytes from a stream.
   *
   * @param stream the bytes to send; read once and closed
   * @param contentLength the number of bytes, or -1 if unknown (sent chunked)
   * @param contentType the media type, or null for {@code application/octet-stream}
   * @return the upload
   */
  public static Upload fromStream(InputStream stream, long contentLength, String contentType) {
    Objects.requireNonNull(stream, "stream must not be null");
    MediaType type = mediaType(contentType);
    return new Upload(new RequestBody() {
      @Override
      public MediaType contentType() {
        return type;
      }

      @Override
      public long contentLength() {
        return contentLength;
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        try (Source source = Okio.source(stream)) {
          sink.writeAll(source);
        }
      }
    });
  }

  RequestBody requestBody() {
    return body;
  }

  private static MediaType mediaType(String contentType) {
    if (contentType == null) {
      return OCTET_STREAM;
    }
    MediaType parsed = MediaType.parse(contentType);
    if (parsed == null) {
      throw new IllegalArgumentException("contentType is not a media type: " + contentType);
    }
    return parsed;
  }

  @Override
  public String toString() {
    return "Upload{" + body.contentType() + "}";
  }
}
