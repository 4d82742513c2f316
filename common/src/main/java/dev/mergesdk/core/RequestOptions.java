package dev.mergesdk.core;

import dev.mergesdk.core.internal.Checks;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Options for one call, layered over the client's defaults: account token, extra headers, an overall timeout, a
 * retry policy and an idempotency key. Immutable; {@code toString()} never shows the account token.
 */
public final class RequestOptions {
  /** Header that lets the server deduplicate a retried write; also makes POST and PATCH safe to retry. */
  public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
  private static final RequestOptions NONE = builder().build();

  private final String accountToken;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final RetryPolicy retryPolicy;
  private final String idempotencyKey;

  private RequestOptions(Builder b) {
    this.accountToken = b.accountToken;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.timeout = b.timeout;
    this.retryPolicy = b.retryPolicy;
    this.idempotencyKey = b.idempotencyKey;
  }

  /** {@return options that change nothing} */
  public static RequestOptions none() {
    return NONE;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the account token that replaces the client's for this call} */
  public Optional<String> accountToken() {
    return Optional.ofNullable(accountToken);
  }

  /** {@return extra headers for this call} */
  public Map<String, String> headers() {
    return headers;
  }

  /** {@return the overall time limit of this call, retries included} */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** {@return the retry policy that replaces the client's for this call} */
  public Optional<RetryPolicy> retryPolicy() {
    return Optional.ofNullable(retryPolicy);
  }

  /** {@return the idempotency key sent, unchanged, on every attempt of this call} */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  @Override
  public String toString() {
    return "RequestOptions{accountToken=" + (accountToken == null ? "default" : "***")
        + ", headers=" + Redaction.headerNames(headers.keySet())
        + ", timeout=" + timeout + ", retryPolicy=" + retryPolicy
        + ", idempotencyKey=" + (idempotencyKey == null ? "none" : "set") + "}";
  }

  /** Builds {@link RequestOptions}. Arguments are validated as they are set. */
  public static final class Builder {
    private String accountToken;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration timeout;
    private RetryPolicy retryPolicy;
    private String idempotencyKey;

    private Builder() {
    }

    /**
     * Sends this account token instead of the client's.
     *
     * @param accountToken the linked account's token for this call
     * @return this builder
     */
    public Builder accountToken(String accountToken) {
      this.accountToken = Checks.headerValue(accountToken, "accountToken");
      return this;
    }

    /**
     * Adds a header to this call.
     *
     * @param name header name
     * @param value header value, without line breaks
     * @return this builder
     */
    public Builder header(String name, String value) {
      headers.put(Checks.headerName(name, "header name"), Checks.headerValue(value, "value of header " + name));
      return this;
    }

    /**
     * Sets the overall time limit of this call.
     *
     * @param timeout overall limit for this call including retries; positive, at most 24 days
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Checks.positive(timeout, "timeout");
      return this;
    }

    /**
     * Retries this call with this policy instead of the client's.
     *
     * @param retryPolicy the policy for this call, e.g. {@link RetryPolicy#none()}
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
      return this;
    }

    /**
     * Sends this idempotency key, which makes an unsafe write safe to retry.
     *
     * @param idempotencyKey a unique key (a UUID, say); at most 255 characters
     * @return this builder
     */
    public Builder idempotencyKey(String idempotencyKey) {
      String key = Checks.headerValue(idempotencyKey, "idempotencyKey");
      if (key.length() > 255) {
        throw new IllegalArgumentException("idempotencyKey must be at most 255 characters, was " + key.length());
      }
      this.idempotencyKey = key;
      return this;
    }

    /** {@return the options} */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
