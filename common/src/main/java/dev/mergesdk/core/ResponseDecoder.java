package dev.mergesdk.core;

import dev.mergesdk.core.internal.Snippets;
import dev.mergesdk.core.internal.UnknownFields;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Turns an HTTP response into the declared model or the matching typed exception. */
final class ResponseDecoder<T> {
  /** Error bodies are kept up to this size; the rest is dropped. */
  private static final int MAX_ERROR_BODY = 64 * 1024;
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

  /** {@return whether a success body is read whole into memory (everything but downloads and void results)} */
  boolean buffersBody() {
    return adapter != null;
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

  long maxBodyBytes() {
    return maxBodyBytes;
  }

  @SuppressWarnings("unchecked")
  ApiResponse<T> decode(Request request, Response response) {
    SecretScrubber scrubber = scrubber(request);
    Map<String, List<String>> headers = HttpHeaders.toMap(response.headers());
    int code = response.code();
    if (!response.isSuccessful()) {
      String body = readErrorBody(response);
      response.close();
      CallContext call = CallContext.of(request);
      throw error(request, response.request(), code, headers, body, scrubber,
          call == null ? null : call.redirectRefusal);
    }
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
      RetryInterceptor.BufferedBody ahead = request.tag(RetryInterceptor.BufferedBody.class);
      if (ahead != null && ahead.decodedBody == body) {
        // Decoded inside the retry attempt (see RetryInterceptor.BufferedBody).
        if (ahead.failure != null) {
          throw ahead.failure;
        }
        value = ahead.value;
      } else {
        try {
          value = readAhead(request, code, body);
        } catch (IOException e) {
          throw RealMergeCall.failure(request, e);
        }
      }
      return new ApiResponse<>(code, headers, (T) (optional ? Optional.of(value) : value));
    }
  }

  private static SecretScrubber scrubber(Request request) {
    CallContext call = CallContext.of(request);
    return call == null ? SecretScrubber.NONE : call.scrubber;
  }

  private static String what(Request request) {
    return request.method() + " " + Redaction.url(request.url());
  }

  /**
   * Decodes the body as it arrives, as a plain Gson call would: buffering it whole first made every call wait for
   * the last byte before decoding the first, which cost about a tenth of a page call in the benchmarks. The first
   * bytes are kept for error messages; the size limit and transfer failures are enforced by the stream the
   * decoder reads from, so a cut or oversized body is never a truncated model. Called inside the retry attempt
   * ({@link RetryInterceptor.BufferedBody}), hence a transfer failure is thrown as the {@link IOException} itself,
   * for the retry decision; anything else as the exception the call will throw.
   */
  T readAhead(Request request, int code, ResponseBody body) throws IOException {
    SecretScrubber scrubber = scrubber(request);
    String what = what(request);
    MediaType contentType = body.contentType();
    long declared = body.contentLength();
    if (declared > maxBodyBytes) {
      throw new DecodeException(String.format(Locale.ROOT, "response to %s is %d bytes, over the %d-byte limit",
          what, declared, maxBodyBytes), code, "", null);
    }
    // A peek: the bytes stay in the body's buffer, so interceptors outside the retry (a caller's body logger) can
    // still read the body after it has been decoded here.
    okio.BufferedSource source = body.source().peek();
    source.request(SNIPPET * 2);
    okio.Buffer buffered = source.getBuffer();
    byte[] head = new byte[(int) Math.min(buffered.size(), SNIPPET * 2)];
    for (int i = 0; i < head.length; i++) {
      head[i] = buffered.getByte(i);
    }
    if (contentType != null && !contentType.subtype().toLowerCase(Locale.ROOT).contains("json")) {
      String snippet = snippet(head, scrubber);
      throw new DecodeException(scrubber.scrub("expected JSON from " + what + " but got " + contentType + ": " + snippet),
          code, snippet, null);
    }
    if (head.length == 0) {
      throw new DecodeException("empty response body from " + what + " where " + typeName() + " was expected", code, "", null);
    }
    BoundedStream in = new BoundedStream(source.inputStream(), maxBodyBytes);
    try {
      CallContext call = CallContext.of(request);
      InputStreamReader text = new InputStreamReader(in, StandardCharsets.UTF_8);
      JsonReader reader = call == null ? UnknownFields.newReader(text)
          : UnknownFields.newReader(text, !call.strictDecoding, call::decodeAnomaly);
      T value = adapter.read(reader);
      if (!atEnd(reader)) {
        throw new JsonParseException("unexpected content after the JSON value at " + reader.getPath());
      }
      if (value == null) {
        throw new JsonParseException("null where " + typeName() + " was expected");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (in.tooLarge) {
        // Without a Content-Length (chunked) the size is only known by reading: same outcome as a declared one.
        throw new DecodeException(String.format(Locale.ROOT, "response to %s is over the %d-byte limit",
            what, maxBodyBytes), code, snippet(head, scrubber), null);
      }
      if (in.failure != null) {
        throw in.failure;
      }
      String snippet = snippet(head, scrubber);
      throw new DecodeException(scrubber.scrub("cannot decode " + typeName() + " from " + what + ": " + e.getMessage()
          + "; body starts: " + snippet), code, snippet, e);
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

  /**
   * The body as the decoder reads it: fails once more than {@code max} bytes have arrived, and remembers any
   * transfer failure, so it is reported as a network failure rather than as undecodable JSON.
   */
  private static final class BoundedStream extends FilterInputStream {
    private final long max;
    private long total;
    IOException failure;
    boolean tooLarge;

    BoundedStream(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b;
      try {
        b = super.read();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
      return b == -1 ? -1 : counted(1) == 1 ? b : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
      return n > 0 ? counted(n) : n;
    }

    private int counted(int n) throws IOException {
      total += n;
      if (total > max) {
        tooLarge = true;
        throw new IOException("response body exceeds the " + max + "-byte limit");
      }
      return n;
    }
  }

  private static String readErrorBody(Response response) {
    ResponseBody body = response.body();
    if (body == null) {
      return "";
    }
    try {
      okio.BufferedSource source = body.source();
      source.request(MAX_ERROR_BODY);
      long size = Math.min(source.getBuffer().size(), MAX_ERROR_BODY);
      return source.getBuffer().readString(size, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * The typed exception for an error status. Its message, and the error detail parsed from the body, are scrubbed
   * of the call's secrets; {@link ApiException#body()} and {@link ApiException#headers()} stay what the server sent.
   */
  static ApiException error(Request request, Request answered, int code, Map<String, List<String>> headers, String body,
      SecretScrubber scrubber, String redirectRefusal) {
    ErrorDetail detail = ErrorDetail.parse(body).scrubbed(scrubber);
    String requestId = HttpHeaders.requestId(headers);
    StringBuilder message = new StringBuilder()
        .append("HTTP ").append(code).append(" from ").append(request.method()).append(' ')
        .append(Redaction.url(answered.url()));
    String location = null;
    if (RedirectInterceptor.isRedirect(code)) {
      List<String> target = headers.get("location");
      HttpUrl resolved = target == null || target.isEmpty() ? null : answered.url().resolve(target.get(0));
      location = resolved != null ? Redaction.url(resolved) : target == null || target.isEmpty() ? null
          : Redaction.urlText(Snippets.shorten(target.get(0), 200));
      message.append(": redirect to ").append(location == null ? "(no Location)" : location).append(" not followed (")
          .append(redirectRefusal == null ? "API operations do not redirect" : redirectRefusal).append(')');
    } else {
      detail.code().ifPresent(c -> message.append(" [").append(Snippets.shorten(c, 80)).append(']'));
      String text = detail.message().orElse(body.trim().startsWith("<") ? "non-JSON error page" : scrubber.scrub(body));
      if (!text.isBlank()) {
        message.append(": ").append(Snippets.shorten(text, 300));
      }
    }
    if (requestId != null) {
      message.append(" (request id ").append(Snippets.shorten(requestId, 100)).append(')');
    }
    String m = scrubber.scrub(message.toString());
    ApiException e = exception(m, code, headers, body, location);
    e.detail(detail);
    return e;
  }

  private static ApiException exception(String m, int code, Map<String, List<String>> headers, String body,
      String location) {
    if (RedirectInterceptor.isRedirect(code)) {
      return new RedirectException(m, code, headers, body, location);
    }
    switch (code) {
      case 400:
        return new BadRequestException(m, code, headers, body);
      case 401:
        return new AuthenticationException(m, code, headers, body);
      case 403:
        return new PermissionException(m, code, headers, body);
      case 404:
        return new NotFoundException(m, code, headers, body);
      case 409:
        return new ConflictException(m, code, headers, body);
      case 422:
        return new UnprocessableEntityException(m, code, headers, body);
      case 429: {
        List<String> retryAfter = headers.get("retry-after");
        Duration wait = retryAfter == null || retryAfter.isEmpty() ? null
            : RetryDecision.retryAfter(retryAfter.get(0), java.time.Instant.now());
        return new RateLimitException(m, code, headers, body, wait);
      }
      default:
        return code >= 500 ? new ServerException(m, code, headers, body) : new ApiException(m, code, headers, body);
    }
  }
}
