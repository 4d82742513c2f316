package dev.mergesdk.core;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

import dev.mergesdk.core.internal.Checks;
import dev.mergesdk.core.internal.Snippets;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.reflect.TypeToken;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Requests by path, for endpoints the spec does not describe yet. They run on the client's own runtime: its API
 * key and account token, region, retries, timeouts, typed errors, redaction and logging apply as to any operation,
 * and the answer is raw JSON ({@code JsonNull} when the API answers without a body).
 *
 * <p>A path is always resolved against the API's base URL, as the API reference writes it ({@code /tool-packs/}
 * under {@code https://ah-api.merge.dev/api/v1}); anything that could lead elsewhere (a URL, {@code //host}, a
 * {@code ..} segment) is refused, so the credentials never leave the API's origin. Writes are retried only with an
 * {@code Idempotency-Key}, as for any operation.
 *
 * <pre>{@code
 * JsonElement packs = client.raw().get("/tool-packs/", Map.of("page_size", "10")).execute();
 * }</pre>
 */
@NullMarked
public final class RawApi {
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  /** A body built by the caller is sent as built, explicit nulls included. */
  private static final Gson WITH_NULLS = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  private final ClientContext client;
  private final HttpUrl baseUrl;
  private final ResponseDecoder<Optional<JsonElement>> decoder;

  @SuppressWarnings("unchecked")
  RawApi(ClientContext client, HttpUrl baseUrl, Gson gson) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.decoder = new ResponseDecoder<>(TypeToken.getParameterized(Optional.class, JsonElement.class).getType(), gson,
        client.maxBodyBytes);
  }

  /**
   * A GET by path.
   *
   * @param path the path under the API's base URL, e.g. {@code /tool-packs/}
   * @return the call, not yet executed
   */
  @CheckReturnValue
  public MergeCall<JsonElement> get(String path) {
    return request("GET", path, Map.of(), null);
  }

  /**
   * A GET by path with query parameters.
   *
   * @param path the path under the API's base URL
   * @param query query parameters, in the map's order
   * @return the call, not yet executed
   */
  @CheckReturnValue
  public MergeCall<JsonElement> get(String path, Map<String, String> query) {
    return request("GET", path, query, null);
  }

  /**
   * A POST by path with a JSON body.
   *
   * @param path the path under the API's base URL
   * @param body the JSON body, sent as built (explicit nulls included)
   * @return the call, not yet executed
   */
  @CheckReturnValue
  public MergeCall<JsonElement> post(String path, JsonElement body) {
    return request("POST", path, Map.of(), Objects.requireNonNull(body, "body must not be null"));
  }

  /**
   * A PUT by path with a JSON body.
   *
   * @param path the path under the API's base URL
   * @param body the JSON body, sent as built
   * @return the call, not yet executed
   */
  @CheckReturnValue
  public MergeCall<JsonElement> put(String path, JsonElement body) {
    return request("PUT", path, Map.of(), Objects.requireNonNull(body, "body must not be null"));
  }

  /**
   * A PATCH by path with a JSON body.
   *
   * @param path the path under the API's base URL
   * @param body the JSON body, sent as built
   * @return the call, not yet executed
   */
  @CheckReturnValue
  public MergeCall<JsonElement> patch(String path, JsonElement body) {
    return request("PATCH", path, Map.of(), Objects.requireNonNull(body, "body must not be null"));
  }

  /**
   * A DELETE by path.
   *
   * @param path the path under the API's base URL
   * @return the call, not yet executed
   */
  @CheckReturnValue
  public MergeCall<JsonElement> delete(String path) {
    return request("DELETE", path, Map.of(), null);
  }

  /**
   * A request by path with any method, query and JSON body.
   *
   * @param method GET, POST, PUT, PATCH or DELETE
   * @param path the path under the API's base URL
   * @param query query parameters, in the map's order
   * @param body the JSON body, or null for none (GET never has one)
   * @return the call, not yet executed
   * @throws IllegalArgumentException naming the argument, for a path that is not one of the API's, or a method,
   *     query or body that cannot be sent
   */
  @CheckReturnValue
  public MergeCall<JsonElement> request(String method, String path, Map<String, String> query, JsonElement body) {
    String m = Checks.notBlank(method, "method").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(m)) {
      throw new IllegalArgumentException("method must be one of GET, POST, PUT, PATCH, DELETE, was '"
          + Snippets.shorten(method, 20) + "'");
    }
    if (m.equals("GET") && body != null) {
      throw new IllegalArgumentException("body must be null for GET");
    }
    Objects.requireNonNull(query, "query must not be null (use Map.of())");
    HttpUrl.Builder url = resolve(path).newBuilder();
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      String name = Checks.notBlank(parameter.getKey(), "query parameter name");
      url.addQueryParameter(name, Objects.requireNonNull(parameter.getValue(),
          "value of query parameter " + name + " must not be null"));
    }
    RequestBody requestBody = body != null
        ? RequestBody.create(WITH_NULLS.toJson(body).getBytes(StandardCharsets.UTF_8), JSON)
        : m.equals("GET") || m.equals("DELETE") ? null : RequestBody.create(new byte[0], null);
    Request request = new Request.Builder().url(url.build()).method(m, requestBody).build();
    return new RawCall(new RealMergeCall<>(request, client, decoder, RequestOptions.none(), true, true));
  }

  /** The path under the base URL, refusing anything that could leave it. */
  private HttpUrl resolve(String path) {
    Checks.notBlank(path, "path");
    String shown = Snippets.shorten(Redaction.urlText(path), 80);
    if (path.startsWith("//") || path.startsWith("\\") || SCHEME.matcher(path).matches()) {
      throw new IllegalArgumentException("path must be a path of the API, resolved against " + Redaction.url(baseUrl)
          + "; a URL or another origin is refused: '" + shown + "'");
    }
    if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
      throw new IllegalArgumentException("path must not carry a query or fragment (give the query as a map): '"
          + shown + "'");
    }
    if (path.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '\\')) {
      throw new IllegalArgumentException("path must not contain spaces, control characters or backslashes: '"
          + shown + "'");
    }
    String relative = path.startsWith("/") ? path.substring(1) : path;
    for (String segment : relative.split("/", -1)) {
      String decoded = segment.replace("%2e", ".").replace("%2E", ".");
      if (decoded.equals(".") || decoded.equals("..")) {
        throw new IllegalArgumentException("path must not contain '.' or '..' segments: '" + shown + "'");
      }
    }
    HttpUrl url = baseUrl.newBuilder().addEncodedPathSegments(relative).build();
    if (!url.scheme().equals(baseUrl.scheme()) || !url.host().equals(baseUrl.host()) || url.port() != baseUrl.port()
        || !url.encodedPath().startsWith(baseUrl.encodedPath())) {
      throw new IllegalArgumentException("path must stay under " + Redaction.url(baseUrl) + ": '" + shown + "'");
    }
    return url;
  }

  @Override
  public String toString() {
    return "RawApi{" + Redaction.url(baseUrl) + "}";
  }
}
