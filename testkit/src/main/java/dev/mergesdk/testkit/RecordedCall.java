package dev.mergesdk.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** A request the {@link MergeMock} received, for assertions. */
public final class RecordedCall {
  private final String operationId;
  private final String method;
  private final String path;
  private final String target;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final long bodySize;
  private final RecordedRequest request;

  RecordedCall(String operationId, RecordedRequest request, String basePath) {
    this.operationId = operationId;
    this.method = request.getMethod();
    HttpUrl url = request.getUrl();
    String encoded = url.encodedPath();
    this.path = encoded.startsWith(basePath) ? encoded.substring(basePath.length()) : encoded;
    this.target = request.getTarget();
    Map<String, List<String>> q = new LinkedHashMap<>();
    for (String name : url.queryParameterNames()) {
      List<String> values = new ArrayList<>();
      url.queryParameterValues(name).forEach(v -> values.add(v == null ? "" : v));
      q.put(name, Collections.unmodifiableList(values));
    }
    this.query = Collections.unmodifiableMap(q);
    Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    request.getHeaders().names().forEach(n -> h.put(n, request.getHeaders().values(n)));
    this.headers = Collections.unmodifiableMap(h);
    this.body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    this.bodySize = request.getBodySize();
    this.request = request;
  }

  /** {@return the operation the request was for, or {@code null} when no operation matched} */
  public String operationId() {
    return operationId;
  }

  /** {@return the HTTP method} */
  public String method() {
    return method;
  }

  /** {@return the encoded path after the API's base path, e.g. {@code /files/123}} */
  public String path() {
    return path;
  }

  /** {@return the full request target, with the base path and the encoded query} */
  public String target() {
    return target;
  }

  /** {@return the decoded query parameters, in order} */
  public Map<String, List<String>> query() {
    return query;
  }

  /**
   * @param name a query parameter
   * @return its first value, or {@code null}
   */
  public String queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** {@return the headers (names case-insensitive)} */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * @param name a header name, any case
   * @return its first value, or {@code null}
   */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** {@return the body as UTF-8 text ({@code ""} when none)} */
  public String body() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** {@return the body's bytes} */
  public byte[] bodyBytes() {
    return body.clone();
  }

  /**
   * {@return how many body bytes the client sent; more than {@link #bodyBytes()} holds when the server's body limit
   * ({@code server().setBodyLimit}) cut what it kept}
   */
  public long bodySize() {
    return bodySize;
  }

  /** {@return the request as the underlying {@code MockWebServer} recorded it, for what this class does not cover} */
  public RecordedRequest request() {
    return request;
  }

  @Override
  public String toString() {
    return (operationId == null ? "(no operation)" : operationId) + " " + method + " " + target;
  }
}
