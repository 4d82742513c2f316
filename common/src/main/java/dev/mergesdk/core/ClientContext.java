package dev.mergesdk.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * What every call of one client shares: the HTTP stack, the default retry policy and timeout, the client's
 * secrets, the logger and the clocks. It turns one execution of a call into its {@link CallContext}.
 */
final class ClientContext {
  final Call.Factory callFactory;
  final RetryPolicy defaultPolicy;
  /** The client-wide call timeout, or null: the retry budget then bounds a JSON call. */
  final Duration callTimeout;
  final SecretScrubber scrubber;
  final HttpLogger logger;
  final Timing timing;
  final long maxBodyBytes;
  /** False for a client built without an API key: only operations that need none can be called. */
  final boolean hasApiKey;
  final CallListener listener;
  final boolean strictDecoding;
  /**
   * Whether a success body's bytes must stay readable after it was decoded: only when the caller's own HTTP
   * client has interceptors, which run outside the SDK's and may read the body after it.
   */
  final boolean keepBodyBytes;

  ClientContext(Call.Factory callFactory, RetryPolicy defaultPolicy, Duration callTimeout, SecretScrubber scrubber,
      HttpLogger logger, Timing timing, long maxBodyBytes, boolean hasApiKey, CallListener listener,
      boolean strictDecoding, boolean keepBodyBytes) {
    this.keepBodyBytes = keepBodyBytes;
    this.hasApiKey = hasApiKey;
    this.listener = listener;
    this.strictDecoding = strictDecoding;
    this.callFactory = callFactory;
    this.defaultPolicy = defaultPolicy;
    this.callTimeout = callTimeout;
    this.scrubber = scrubber;
    this.logger = logger;
    this.timing = timing;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The scrubber for a call: the client's secrets and the call's own (account token, secret headers, query). */
  SecretScrubber scrubberFor(RequestOptions options, HttpUrl url) {
    List<String> secrets = new ArrayList<>();
    String accountToken = options.accountToken().orElse(null);
    if (accountToken != null) {
      secrets.add(accountToken);
    }
    for (Map.Entry<String, String> header : options.headers().entrySet()) {
      if (Redaction.isSecret(header.getKey())) {
        secrets.add(header.getValue());
      }
    }
    if (url != null) {
      for (int i = 0; i < url.querySize(); i++) {
        if (Redaction.isSecret(url.queryParameterName(i)) && url.queryParameterValue(i) != null) {
          secrets.add(url.queryParameterValue(i));
        }
      }
      if (!url.password().isEmpty()) {
        secrets.add(url.password());
      }
    }
    return scrubber.with(secrets);
  }

  /**
   * @param request the request of one execution
   * @param options the call's options
   * @param decoder the operation's decoder: it also tells whether the body streams to the caller (a download)
   * @param operationRepeatable false for operations the spec marks as not safe to send twice
   * @param authenticated false for operations that need no credential
   * @return the execution's context; its deadline starts now
   */
  CallContext newCall(Request request, RequestOptions options, ResponseDecoder<?> decoder, boolean operationRepeatable,
      boolean authenticated) {
    RetryPolicy policy = options.retryPolicy().orElse(defaultPolicy);
    SecretScrubber callScrubber = scrubberFor(options, request.url());
    CallLog log = logger == null ? CallLog.OFF : new CallLog(logger, callScrubber);
    long deadline = timing.nanoTime() + deadline(options, policy).toNanos();
    return new CallContext(decoder, keepBodyBytes, operationRepeatable, authenticated, policy, callScrubber, log, timing, deadline,
        new CallEvents(listener, request, timing), strictDecoding);
  }

  /** The explicit timeout (the call's, else the client's), or null. */
  Duration explicitTimeout(RequestOptions options) {
    return options.timeout().orElse(callTimeout);
  }

  private Duration deadline(RequestOptions options, RetryPolicy policy) {
    Duration explicit = explicitTimeout(options);
    return explicit == null || policy.budget().compareTo(explicit) < 0 ? policy.budget() : explicit;
  }
}
