package dev.mergesdk.core;

import dev.mergesdk.core.internal.ApiDescriptor;
import dev.mergesdk.core.internal.Checks;
import dev.mergesdk.core.internal.ClientRuntime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * The options every Merge API client shares. Each client's builder extends it with what is particular to its API.
 * Arguments are validated as they are set, so a bad value fails where it is written.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class MergeClientBuilder<B extends MergeClientBuilder<B>> {
  String apiKey;
  Region region;
  String baseUrl;
  Duration connectTimeout = Duration.ofSeconds(10);
  Duration readTimeout = Duration.ofSeconds(60);
  Duration writeTimeout = Duration.ofSeconds(60);
  Duration callTimeout;
  RetryPolicy retryPolicy = RetryPolicy.defaults();
  String userAgentSuffix;
  final Map<String, String> headers = new LinkedHashMap<>();
  OkHttpClient httpClient;
  HttpLogger logger;
  CallListener callListener = CallListener.NONE;
  boolean strictDecoding;
  long maxResponseBytes = 64L * 1024 * 1024;
  /** The clocks and sleep of the retry loop; replaced by a fake clock in the runtime's own specification. */
  Timing timing = Timing.SYSTEM;
  /** The backoff jitter's source; replaced by a fixed one in the runtime's own specification. */
  java.util.function.LongUnaryOperator random = new java.util.function.LongUnaryOperator() {
    @Override
    public long applyAsLong(long bound) {
      return RetryPolicy.uniform(bound);
    }
  };

  /** For the clients' builders. */
  protected MergeClientBuilder() {
  }

  /** {@return this builder, typed as the concrete builder} */
  protected abstract B self();

  /**
   * Sets the API key.
   *
   * @param apiKey the API key, sent as {@code Authorization: Bearer <key>}; required, except for a client that only
   *     calls the operations that need no key (such as Agent Handler's agent signup)
   * @return this builder
   */
  public B apiKey(String apiKey) {
    this.apiKey = Checks.headerValue(apiKey, "apiKey");
    return self();
  }

  /**
   * Sets the region the client calls.
   *
   * @param region where the API is served; when unset, resolved from {@code merge.region}, {@code MERGE_REGION},
   *     then US
   * @return this builder
   */
  public B region(Region region) {
    this.region = Objects.requireNonNull(region, "region must not be null");
    return self();
  }

  /**
   * Sends every request to this base URL instead of the region's.
   *
   * @param baseUrl a base URL that replaces the region's (a proxy, a test server); http or https
   * @return this builder
   */
  public B baseUrl(String baseUrl) {
    this.baseUrl = Region.parseBaseUrl(baseUrl, "baseUrl").toString();
    return self();
  }

  /**
   * Sets the connect timeout.
   *
   * @param timeout time to establish a connection, at most 24 days; default 10 s
   * @return this builder
   */
  public B connectTimeout(Duration timeout) {
    this.connectTimeout = Checks.positive(timeout, "connectTimeout");
    return self();
  }

  /**
   * Sets the read timeout.
   *
   * @param timeout longest silence while reading a response, at most 24 days; default 60 s
   * @return this builder
   */
  public B readTimeout(Duration timeout) {
    this.readTimeout = Checks.positive(timeout, "readTimeout");
    return self();
  }

  /**
   * Sets the write timeout.
   *
   * @param timeout longest stall while sending a request, at most 24 days; default 60 s
   * @return this builder
   */
  public B writeTimeout(Duration timeout) {
    this.writeTimeout = Checks.positive(timeout, "writeTimeout");
    return self();
  }

  /**
   * Sets the overall time limit of each call.
   *
   * @param timeout overall limit of a call, retries and waits included, at most 24 days; default none (the retry budget applies)
   * @return this builder
   */
  public B callTimeout(Duration timeout) {
    this.callTimeout = Checks.positive(timeout, "callTimeout");
    return self();
  }

  /**
   * Sets how failed calls are retried.
   *
   * @param retryPolicy how failed calls are retried; {@link RetryPolicy#none()} turns retries off
   * @return this builder
   */
  public B retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
    return self();
  }

  /**
   * Names the calling application in the {@code User-Agent} header.
   *
   * @param suffix identifies the calling application, appended to the SDK's {@code User-Agent} (e.g.
   *     {@code acme-sync/2.1})
   * @return this builder
   */
  public B userAgentSuffix(String suffix) {
    this.userAgentSuffix = Checks.headerValue(suffix, "userAgentSuffix");
    return self();
  }

  /**
   * Adds a header to every request.
   *
   * @param name a header sent on every request
   * @param value its value, without line breaks
   * @return this builder
   */
  public B header(String name, String value) {
    headers.put(Checks.headerName(name, "header name"), Checks.headerValue(value, "value of header " + name));
    return self();
  }

  /**
   * Uses the caller's OkHttp client (its connection pool, dispatcher, proxy, TLS and interceptors). The SDK adds its
   * own auth, user agent, retry and logging on a derived client, so they still apply; the caller's client is not
   * modified, and closing the SDK client leaves it running.
   *
   * @param httpClient the client to build on
   * @return this builder
   */
  public B httpClient(OkHttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient must not be null");
    return self();
  }

  /**
   * Turns on redacted request and response logging.
   *
   * @param logger receives one redacted line per request and response; logging is off unless set
   * @return this builder
   */
  public B logger(HttpLogger logger) {
    this.logger = Objects.requireNonNull(logger, "logger must not be null");
    return self();
  }

  /**
   * Observes every call of this client.
   *
   * @param listener observes every call: start and end, each attempt, each retry decision, each member read
   *     tolerantly; none unless set
   * @return this builder
   */
  public B callListener(CallListener listener) {
    this.callListener = Objects.requireNonNull(listener, "listener must not be null");
    return self();
  }

  /**
   * Chooses fail-fast decoding.
   *
   * @param strict true to fail a call on any member of the response that does not fit its model (a
   *     {@code DecodeException}, as a plain Gson call would); by default such a member is left unset, kept in
   *     {@code unknownFields()} and reported to the {@link CallListener}, and a lone value where a list is declared
   *     is read as a one-element list
   * @return this builder
   */
  public B strictDecoding(boolean strict) {
    this.strictDecoding = strict;
    return self();
  }

  /**
   * Limits the size of JSON response bodies.
   *
   * @param bytes largest JSON response body accepted; default 64 MiB. File downloads are streamed and not limited.
   * @return this builder
   */
  public B maxResponseBytes(long bytes) {
    if (bytes < 1024) {
      throw new IllegalArgumentException("maxResponseBytes must be at least 1024, was " + bytes);
    }
    this.maxResponseBytes = bytes;
    return self();
  }

  /**
   * Builds the HTTP runtime for an API. Called by the concrete builder's {@code build()}.
   *
   * @param api the API's name and regional base URLs
   * @param accountToken the default {@code X-Account-Token}, or null for APIs or clients without one
   * @return the runtime
   * @throws IllegalStateException when the API key is missing and the API has no operation that needs none
   * @throws IllegalArgumentException when the region is not served by the API, or the account token is not a valid
   *     header value
   */
  protected final ClientRuntime buildRuntime(ApiDescriptor api, String accountToken) {
    if (apiKey == null && !api.hasOpenOperations()) {
      throw new IllegalStateException("apiKey is required: set it with " + api.name() + " client builder's apiKey(...)");
    }
    if (accountToken != null) {
      // Client builders take the token themselves; it must be a valid header value before any call is made.
      Checks.headerValue(accountToken, "accountToken");
    }
    Region resolved = Region.resolve(region);
    String url = baseUrl != null ? baseUrl : api.baseUrl(resolved);
    return new RealClientRuntime(this, api, url, accountToken);
  }
}
