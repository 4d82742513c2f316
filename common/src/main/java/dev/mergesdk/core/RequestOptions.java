package dev.mergesdk.core;

import dev.mergesdk.core.internal.Checks;
import com.google.gson.JsonElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Options for one call, layered over the client's defaults: account token, extra headers, an overall timeout, a
 * retry policy, an idempotency key, and query parameters and body members the spec does not describe yet.
 * Immutable; {@code toString()} shows no value that could be a secret.
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
  private final Map<String, List<String>> extraQueryParameters;
  private final Map<String, JsonElement> extraBodyMembers;

  private RequestOptions(Builder b) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    // Loops rather than lambdas here and on the rest of a call's first path: each lambda costs an application's
    // first call its own bootstrap.
    for (Map.Entry<String, List<String>> entry : b.extraQueryParameters.entrySet()) {
      query.put(entry.getKey(), List.copyOf(entry.getValue()));
    }
    this.extraQueryParameters = Collections.unmodifiableMap(query);
    Map<String, JsonElement> members = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry : b.extraBodyMembers.entrySet()) {
      members.put(entry.getKey(), entry.getValue().deepCopy());
    }
    this.extraBodyMembers = members;
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

  /** {@return query parameters added to this call's own, by name, each with its values in order} */
  public Map<String, List<String>> extraQueryParameters() {
    return extraQueryParameters;
  }

  /** {@return members merged into this call's JSON body, replacing any the model wrote under the same name; copies} */
  public Map<String, JsonElement> extraBodyMembers() {
    Map<String, JsonElement> copy = new LinkedHashMap<>();
    extraBodyMembers.forEach((name, value) -> copy.put(name, value.deepCopy()));
    return Collections.unmodifiableMap(copy);
  }

  boolean hasExtraBodyMembers() {
    return !extraBodyMembers.isEmpty();
  }

  /** The members themselves, for the runtime, which only reads them. */
  Map<String, JsonElement> bodyMembers() {
    return extraBodyMembers;
  }

  @Override
  public String toString() {
    return "RequestOptions{accountToken=" + (accountToken == null ? "default" : "***")
        + ", headers=" + Redaction.headerNames(headers.keySet())
        + ", timeout=" + timeout + ", retryPolicy=" + retryPolicy
        + ", idempotencyKey=" + (idempotencyKey == null ? "none" : "set")
        + (extraQueryParameters.isEmpty() ? "" : ", extraQueryParameters=" + Redaction.headerNames(extraQueryParameters.keySet()))
        + (extraBodyMembers.isEmpty() ? "" : ", extraBodyMembers=" + Redaction.headerNames(extraBodyMembers.keySet()))
        + "}";
  }

  /** Builds {@link RequestOptions}. Arguments are validated as they are set. */
  public static final class Builder {
    private String accountToken;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration timeout;
    private RetryPolicy retryPolicy;
    private String idempotencyKey;
    private final Map<String, List<String>> extraQueryParameters = new LinkedHashMap<>();
    private final Map<String, JsonElement> extraBodyMembers = new LinkedHashMap<>();

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

    /**
     * Adds a query parameter the spec does not describe yet, after the call's own (on every page of a list). Called
     * again with the same name, it adds another value: {@code ?name=a&name=b}. Values named like a secret are
     * masked in logs and messages, as every query parameter is.
     *
     * @param name the parameter's name, not blank
     * @param value its value, sent percent-encoded
     * @return this builder
     */
    public Builder extraQueryParameter(String name, String value) {
      Checks.notBlank(name, "extraQueryParameter name");
      Objects.requireNonNull(value, "value of extraQueryParameter " + name + " must not be null");
      extraQueryParameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * Merges a member the spec does not describe yet into the call's JSON body, replacing a member the model wrote
     * under the same name; {@code JsonNull.INSTANCE} sends an explicit {@code null}. Only for operations whose
     * request body is a JSON object: {@code with(options)} refuses it for any other.
     *
     * @param name the member's name, not blank
     * @param value its value (copied)
     * @return this builder
     */
    public Builder extraBodyMember(String name, JsonElement value) {
      Checks.notBlank(name, "extraBodyMember name");
      Objects.requireNonNull(value, "value of extraBodyMember " + name + " must not be null (use JsonNull.INSTANCE)");
      extraBodyMembers.put(name, value.deepCopy());
      return this;
    }

    /** {@return the options} */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
