package dev.mergesdk.core;

import dev.mergesdk.core.internal.Snippets;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Every failure of a call as the one {@link MergeException} the caller sees: an error status as the {@link
 * ApiException} subclass that names it, a transfer failure as a {@link NetworkException} or {@link
 * MergeTimeoutException}. Messages are scrubbed of the call's secrets; {@link ApiException#body()} and {@link
 * ApiException#headers()} stay what the server sent.
 */
final class ErrorMapping {
  /** Error bodies are kept up to this size; the rest is dropped. */
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private ErrorMapping() {
  }

  /** The exception for a response with an error status; reads what is kept of its body and closes it. */
  static ApiException forStatus(Request request, Response response) {
    String body = readErrorBody(response);
    response.close();
    CallContext call = CallContext.of(request);
    return forStatus(request, response.request(), response.code(), HttpHeaders.toMap(response.headers()), body,
        scrubber(request), call == null ? null : call.redirectRefusal);
  }

  /**
   * The typed exception for an error status, its message naming the request, the error the body gives and the
   * request id.
   *
   * @param request the request as the call sent it
   * @param answered the request the response answers (the last redirect hop)
   * @param redirectRefusal why a redirect was not followed, or null
   */
  static ApiException forStatus(Request request, Request answered, int code, Map<String, List<String>> headers,
      String body, SecretScrubber scrubber, String redirectRefusal) {
    ErrorDetail detail = ErrorDetail.parse(body).scrubbed(scrubber);
    String requestId = HttpHeaders.requestId(headers);
    StringBuilder message = new StringBuilder()
        .append("HTTP ").append(code).append(" from ").append(request.method()).append(' ')
        .append(Redaction.url(answered.url()));
    String location = null;
    if (RedirectInterceptor.isRedirect(code)) {
      location = location(answered, headers);
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
    ApiException e = exception(scrubber.scrub(message.toString()), code, headers, body, location);
    e.detail(detail);
    return e;
  }

  /**
   * The exception for anything else that ended a call: an {@link IOException} from the transfer, a runtime
   * exception from a caller's interceptor, or the checked {@link InterruptedException} OkHttp throws undeclared
   * when the calling thread is interrupted while connecting. A {@link MergeException} is returned as it is.
   */
  static MergeException forFailure(Request request, Exception e) {
    if (e instanceof MergeException) {
      return (MergeException) e;
    }
    SecretScrubber scrubber = scrubber(request);
    String what = request.method() + " " + Redaction.url(request.url());
    if (wasInterrupted(e)) {
      Thread.currentThread().interrupt();
      return new NetworkException("interrupted: " + what, e);
    }
    if (e instanceof IOException && isTimeout((IOException) e)) {
      return new MergeTimeoutException(scrubber.scrub("timed out: " + what + " (" + e.getMessage() + ")"), e);
    }
    String kind = e instanceof IOException ? "network failure" : "unexpected failure";
    return new NetworkException(scrubber.scrub(kind + ": " + what + " (" + e.getClass().getSimpleName() + ": "
        + e.getMessage() + ")"), e);
  }

  /**
   * A connect, read or write timeout, or the call timeout. OkHttp reports its call timeout as a plain {@link
   * InterruptedIOException} whose message is "timeout", with no type of its own, hence the message test.
   */
  static boolean isTimeout(IOException e) {
    return e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && String.valueOf(e.getMessage()).contains("timeout"));
  }

  private static boolean wasInterrupted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException || t instanceof ClosedByInterruptException
          || (t instanceof InterruptedIOException && t.getMessage() != null
              && (t.getMessage().equals("interrupted") || t.getMessage().startsWith("interrupted ")))) {
        return true;
      }
    }
    return false;
  }

  private static SecretScrubber scrubber(Request request) {
    CallContext call = CallContext.of(request);
    return call == null ? SecretScrubber.NONE : call.scrubber;
  }

  /** The redirect target as text for the message, masked; null without a {@code Location}. */
  private static String location(Request answered, Map<String, List<String>> headers) {
    List<String> target = headers.get("location");
    if (target == null || target.isEmpty()) {
      return null;
    }
    HttpUrl resolved = answered.url().resolve(target.get(0));
    return resolved != null ? Redaction.url(resolved) : Redaction.urlText(Snippets.shorten(target.get(0), 200));
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
            : RetryDecision.retryAfter(retryAfter.get(0), Instant.now());
        return new RateLimitException(m, code, headers, body, wait);
      }
      default:
        return code >= 500 ? new ServerException(m, code, headers, body) : new ApiException(m, code, headers, body);
    }
  }
}
