package dev.mergesdk.core;

import dev.mergesdk.core.internal.Snippets;
import dev.mergesdk.core.internal.UnknownFields;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Turns an HTTP response into the declared model or the matching typed exception. */
final class ResponseDecoder<T> {
  private static final int SNIPPET = 200;

  private final Type type;
  private final TypeAdapter<T> adapter;
  private final long maxBodyBytes;
  /** For {@code Optional<M>} results: the operation may answer without a body, which is then empty. */
  private final boolean optional;

  @SuppressWarnings("unchecked")
  ResponseDecoder(Type declared, Gson gson, long maxBodyBytes) {
    this.optional = declared instanceof ParameterizedType && ((ParameterizedType) declared).getRawType() == Optional.class;
    this.type = optional ? ((ParameterizedType) declared).getActualTypeArguments()[0] : declared;
    this.adapter = type == Void.class || type == Download.class ? null : (TypeAdapter<T>) gson.getAdapter(TypeToken.get(type));
    this.maxBodyBytes = maxBodyBytes;
  }

  /** {@return whether the body is streamed to the caller after the call returns} */
  boolean isDownload() {
    return type == Download.class;
  }

  /** {@return the model's class, or null for a generic type} */
  Class<?> modelClass() {
    return type instanceof Class ? (Class<?>) type : type instanceof ParameterizedType
        ? (Class<?>) ((ParameterizedType) type).getRawType() : null;
  }

  /**
   * The outcome of a response: the decoded model (also when {@link #decodeWithinAttempt} already read it), an
   * empty {@code Optional}, a {@link Download} streaming the body, or the typed exception for an error status.
   */
  @SuppressWarnings("unchecked")
  ApiResponse<T> decode(Request request, Response response) {
    if (!response.isSuccessful()) {
      throw ErrorMapping.forStatus(request, response);
    }
    SecretScrubber scrubber = scrubber(request);
    Headers headers = response.headers();
    int code = response.code();
    if (type == Download.class) {
      return new ApiResponse<>(code, headers, (T) new Download(response, scrubber));
    }
    try (ResponseBody body = response.body()) {
      if (type == Void.class) {
        return new ApiResponse<>(code, headers, null);
      }
      if (code == 204 || code == 205) {
        if (optional) {
          return new ApiResponse<>(code, headers, (T) Optional.empty());
        }
        throw new DecodeException(scrubber.scrub("HTTP " + code + " without a body from " + what(request)
            + " where " + typeName() + " was expected"), code, "", null);
      }
      if (optional && body.contentLength() == 0) {
        return new ApiResponse<>(code, headers, (T) Optional.empty());
      }
      Object value;
      if (body instanceof DecodedBody) {
        value = ((DecodedBody) body).value();
      } else {
        // Not read within the attempt: a caller's interceptor replaced the body, or the call has no retry stage.
        try {
          value = readModel(request, code, body, false).value;
        } catch (IOException e) {
          throw ErrorMapping.forFailure(request, e);
        }
      }
      return new ApiResponse<>(code, headers, (T) (optional ? Optional.of(value) : value));
    }
  }

  /** {@return whether {@link RetryInterceptor} reads a success body within the attempt: models, not downloads} */
  boolean decodesWithinAttempt() {
    return adapter != null;
  }

  /**
   * Decodes a success body now, inside the attempt, so that a body cut or stalled mid-way fails this attempt as
   * the {@link IOException} it is, for the retry decision, instead of surfacing later where no retry is possible.
   * It decodes as the bytes arrive (no wait for the last byte before parsing the first). The response returned
   * carries the outcome, model or {@link DecodeException}, in a {@link DecodedBody} for {@link #decode}.
   *
   * @param keepBytes whether the bytes must stay readable for a caller's interceptors outside the attempt
   * @throws IOException when the transfer failed; the response is then closed
   */
  Response decodeWithinAttempt(Request request, Response response, boolean keepBytes) throws IOException {
    ResponseBody body = response.body();
    int code = response.code();
    if (code == 204 || code == 205 || body.contentLength() > maxBodyBytes
        || (optional && body.contentLength() == 0)) {
      return response;
    }
    Read read;
    try {
      read = readModel(request, code, body, keepBytes);
    } catch (IOException transferFailed) {
      response.close();
      throw transferFailed;
    } catch (DecodeException undecodable) {
      read = new Read(null, undecodable, -1);
    }
    return response.newBuilder().body(new DecodedBody(body, read)).build();
  }

  private static SecretScrubber scrubber(Request request) {
    CallContext call = CallContext.of(request);
    return call == null ? SecretScrubber.NONE : call.scrubber;
  }

  private static String what(Request request) {
    return request.method() + " " + Redaction.url(request.url());
  }

  /** What reading a success body gave: the model, or why there is none; and how many bytes were read. */
  private static final class Read {
    final Object value;
    final DecodeException failure;
    final long bytes;

    Read(Object value, DecodeException failure, long bytes) {
      this.value = value;
      this.failure = failure;
      this.bytes = bytes;
    }
  }

  /**
   * Reads the model from the body as it arrives, as a plain Gson call would. The first bytes are kept for error
   * messages; the size limit and transfer failures are enforced by the stream the decoder reads from, so a cut
   * or oversized body is never a truncated model.
   *
   * @param keepBytes read through a peek, so the bytes stay in the body's buffer for a caller's interceptors
   * @throws IOException when the transfer failed (as the failure itself, for the retry decision)
   * @throws DecodeException when the body is not the model: wrong type, not JSON, too large, or empty
   */
  private Read readModel(Request request, int code, ResponseBody body, boolean keepBytes) throws IOException {
    SecretScrubber scrubber = scrubber(request);
    MediaType contentType = body.contentType();
    long declared = body.contentLength();
    if (declared > maxBodyBytes) {
      throw new DecodeException(String.format(Locale.ROOT, "response to %s is %d bytes, over the %d-byte limit",
          what(request), declared, maxBodyBytes), code, "", null);
    }
    okio.BufferedSource source = keepBytes ? body.source().peek() : body.source();
    source.request(SNIPPET * 2);
    okio.Buffer buffered = source.getBuffer();
    byte[] head = new byte[(int) Math.min(buffered.size(), SNIPPET * 2)];
    for (int i = 0; i < head.length; i++) {
      head[i] = buffered.getByte(i);
    }
    if (contentType != null && !contentType.subtype().toLowerCase(Locale.ROOT).contains("json")) {
      String snippet = snippet(head, scrubber);
      throw new DecodeException(scrubber.scrub("expected JSON from " + what(request) + " but got " + contentType + ": " + snippet),
          code, snippet, null);
    }
    if (head.length == 0) {
      throw new DecodeException("empty response body from " + what(request) + " where " + typeName() + " was expected", code, "", null);
    }
    Utf8BodyReader in = new Utf8BodyReader(source, maxBodyBytes);
    try {
      CallContext call = CallContext.of(request);
      JsonReader reader = call == null ? UnknownFields.newReader(in)
          : UnknownFields.newReader(in, !call.strictDecoding, call.anomalies);
      T value = adapter.read(reader);
      if (!atEnd(reader)) {
        throw new JsonParseException("unexpected content after the JSON value at " + reader.getPath());
      }
      if (value == null) {
        throw new JsonParseException("null where " + typeName() + " was expected");
      }
      return new Read(value, null, in.total);
    } catch (IOException | RuntimeException e) {
      if (in.tooLarge) {
        // Without a Content-Length (chunked) the size is only known by reading: same outcome as a declared one.
        throw new DecodeException(String.format(Locale.ROOT, "response to %s is over the %d-byte limit",
            what(request), maxBodyBytes), code, snippet(head, scrubber), null);
      }
      if (in.failure != null) {
        throw in.failure;
      }
      String snippet = snippet(head, scrubber);
      throw new DecodeException(scrubber.scrub("cannot decode " + typeName() + " from " + what(request) + ": " + e.getMessage()
          + "; body starts: " + snippet), code, snippet, e);
    }
  }

  /**
   * A success body already decoded within the attempt. It still reads as the original body, so a caller's
   * interceptor outside the attempt sees the bytes when they were kept ({@code keepBytes}).
   */
  static final class DecodedBody extends ResponseBody {
    private final ResponseBody original;
    private final Read read;

    private DecodedBody(ResponseBody original, Read read) {
      this.original = original;
      this.read = read;
    }

    /** {@return the number of bytes the decoder read, or -1 when decoding failed} */
    long bytesRead() {
      return read.bytes;
    }

    Object value() {
      if (read.failure != null) {
        throw read.failure;
      }
      return read.value;
    }

    @Override
    public MediaType contentType() {
      return original.contentType();
    }

    @Override
    public long contentLength() {
      return original.contentLength();
    }

    @Override
    public okio.BufferedSource source() {
      return original.source();
    }

    @Override
    public void close() {
      original.close();
    }
  }

  /** Whether nothing but whitespace follows; a strict reader refuses to even peek at a second value. */
  private static boolean atEnd(JsonReader reader) throws IOException {
    try {
      return reader.peek() == JsonToken.END_DOCUMENT;
    } catch (com.google.gson.stream.MalformedJsonException secondValue) {
      return false;
    }
  }

  private static String snippet(byte[] head, SecretScrubber scrubber) {
    return Snippets.shorten(scrubber.scrub(new String(head, StandardCharsets.UTF_8)), SNIPPET);
  }

  private String typeName() {
    return type instanceof Class ? ((Class<?>) type).getSimpleName() : type.getTypeName();
  }

}
