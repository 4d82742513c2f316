package dev.mergesdk.opentelemetry;

import dev.mergesdk.core.AttemptInfo;
import dev.mergesdk.core.CallInfo;
import dev.mergesdk.core.CallListener;
import dev.mergesdk.core.CallResult;
import dev.mergesdk.core.DecodeAnomaly;
import dev.mergesdk.core.RetryInfo;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a Merge client's call events into OpenTelemetry spans and metrics, through the OpenTelemetry API alone: it
 * records into whatever SDK or agent the application installed, and into nothing when there is none.
 *
 * <pre>{@code
 * FileStorageClient client = FileStorageClient.builder()
 *     .apiKey(apiKey)
 *     .callListener(MergeTelemetry.create(GlobalOpenTelemetry.get()))
 *     .build();
 * }</pre>
 *
 * <p>Each call is a {@code CLIENT} span named after its operation ({@code FilesApi.list}), a child of the span current
 * when the call started, with the HTTP semantic-convention attributes ({@code http.request.method},
 * {@code url.full} redacted as in the SDK's log, {@code server.address}, {@code http.response.status_code},
 * {@code error.type}, {@code http.request.resend_count}) and one event per attempt, retry decision and tolerant read.
 * Metrics: {@code http.client.request.duration} per attempt and {@code merge.client.call.duration} per call (seconds),
 * {@code merge.client.retries} and {@code merge.client.decode_anomalies} (counts). No credential, header value or
 * body ever reaches an attribute.
 */
public final class MergeTelemetry implements CallListener {
  /** The instrumentation scope the spans and metrics are recorded under. */
  public static final String SCOPE = "dev.mergesdk";

  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> URL = AttributeKey.stringKey("url.full");
  private static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
  private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> ERROR = AttributeKey.stringKey("error.type");
  private static final AttributeKey<Long> RESENDS = AttributeKey.longKey("http.request.resend_count");
  private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("merge.operation");
  private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("merge.request_id");
  private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("merge.attempt");
  private static final AttributeKey<Long> REQUEST_BYTES = AttributeKey.longKey("merge.request.bytes");
  private static final AttributeKey<Long> RESPONSE_BYTES = AttributeKey.longKey("merge.response.bytes");
  private static final AttributeKey<Boolean> RETRY = AttributeKey.booleanKey("merge.retry");
  private static final AttributeKey<String> REASON = AttributeKey.stringKey("merge.retry.reason");
  private static final AttributeKey<Long> DELAY_MS = AttributeKey.longKey("merge.retry.delay_ms");
  private static final AttributeKey<String> PATH = AttributeKey.stringKey("merge.json.path");
  private static final AttributeKey<String> EXPECTED = AttributeKey.stringKey("merge.json.expected");
  private static final AttributeKey<String> FOUND = AttributeKey.stringKey("merge.json.found");
  private static final AttributeKey<String> ACTION = AttributeKey.stringKey("merge.json.action");

  private final Tracer tracer;
  private final DoubleHistogram attemptDuration;
  private final DoubleHistogram callDuration;
  private final LongCounter retries;
  private final LongCounter anomalies;
  /** The open span of each call in flight; {@link CallInfo} is compared by identity, one per execution. */
  private final Map<CallInfo, Span> spans = new ConcurrentHashMap<>();

  private MergeTelemetry(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(SCOPE);
    Meter meter = openTelemetry.getMeter(SCOPE);
    this.attemptDuration = meter.histogramBuilder("http.client.request.duration").setUnit("s")
        .setDescription("Duration of each HTTP request the SDK sent, retries included one by one").build();
    this.callDuration = meter.histogramBuilder("merge.client.call.duration").setUnit("s")
        .setDescription("Duration of each call, its retries and waits included").build();
    this.retries = meter.counterBuilder("merge.client.retries").setUnit("{retry}")
        .setDescription("Requests the SDK sent again, by reason").build();
    this.anomalies = meter.counterBuilder("merge.client.decode_anomalies").setUnit("{member}")
        .setDescription("Response members that did not fit their model and were read tolerantly").build();
  }

  /**
   * @param openTelemetry the application's OpenTelemetry (e.g. {@code GlobalOpenTelemetry.get()})
   * @return a listener for the client builder's {@code callListener(...)}
   */
  public static MergeTelemetry create(OpenTelemetry openTelemetry) {
    return new MergeTelemetry(Objects.requireNonNull(openTelemetry, "openTelemetry must not be null"));
  }

  @Override
  public void callStart(CallInfo call) {
    Span span = tracer.spanBuilder(call.operation()).setSpanKind(SpanKind.CLIENT)
        .setAttribute(METHOD, call.method()).setAttribute(URL, call.url()).setAttribute(SERVER, call.host())
        .setAttribute(OPERATION, call.operation()).startSpan();
    spans.put(call, span);
  }

  @Override
  public void attemptEnd(CallInfo call, AttemptInfo attempt) {
    AttributesBuilder attributes = Attributes.builder().put(ATTEMPT, (long) attempt.number())
        .put(REQUEST_BYTES, attempt.requestBytes()).put(RESPONSE_BYTES, attempt.responseBytes());
    AttributesBuilder metric = Attributes.builder().put(METHOD, call.method()).put(SERVER, call.host())
        .put(OPERATION, call.operation());
    if (attempt.failure().isPresent()) {
      attributes.put(ERROR, attempt.failure().get());
      metric.put(ERROR, attempt.failure().get());
    } else {
      attributes.put(STATUS, (long) attempt.statusCode());
      metric.put(STATUS, (long) attempt.statusCode());
      if (attempt.statusCode() >= 400) {
        metric.put(ERROR, String.valueOf(attempt.statusCode()));
      }
    }
    attempt.requestId().ifPresent(id -> attributes.put(REQUEST_ID, id));
    Span span = spans.get(call);
    if (span != null) {
      span.addEvent("attempt", attributes.build());
    }
    attemptDuration.record(attempt.duration().toNanos() / 1e9, metric.build());
  }

  @Override
  public void retryDecision(CallInfo call, RetryInfo decision) {
    Span span = spans.get(call);
    if (span != null) {
      span.addEvent("retry_decision", Attributes.builder().put(ATTEMPT, (long) decision.attempt())
          .put(RETRY, decision.retry()).put(REASON, decision.reason())
          .put(DELAY_MS, decision.delay().toMillis()).build());
    }
    if (decision.retry()) {
      retries.add(1, Attributes.of(OPERATION, call.operation(), REASON, decision.reason()));
    }
  }

  @Override
  public void decodeAnomaly(CallInfo call, DecodeAnomaly anomaly) {
    Span span = spans.get(call);
    if (span != null) {
      span.addEvent("decode_anomaly", Attributes.builder().put(PATH, anomaly.path())
          .put(EXPECTED, anomaly.expected()).put(FOUND, anomaly.found()).put(ACTION, anomaly.action().name()).build());
    }
    anomalies.add(1, Attributes.of(OPERATION, call.operation(), ACTION, anomaly.action().name()));
  }

  @Override
  public void callEnd(CallInfo call, CallResult result) {
    AttributesBuilder metric = Attributes.builder().put(METHOD, call.method()).put(OPERATION, call.operation());
    Span span = spans.remove(call);
    if (result.statusCode() > 0) {
      metric.put(STATUS, (long) result.statusCode());
    }
    String error = result.failure().map(e -> e.getClass().getSimpleName()).orElse(null);
    if (error != null) {
      metric.put(ERROR, error);
    }
    callDuration.record(result.duration().toNanos() / 1e9, metric.build());
    if (span == null) {
      return;
    }
    if (result.statusCode() > 0) {
      span.setAttribute(STATUS, (long) result.statusCode());
    }
    if (result.attempts() > 1) {
      span.setAttribute(RESENDS, (long) result.attempts() - 1);
    }
    result.requestId().ifPresent(id -> span.setAttribute(REQUEST_ID, id));
    if (error != null) {
      span.setAttribute(ERROR, error);
      span.setStatus(StatusCode.ERROR, result.failure().get().getMessage());
    }
    span.end();
  }

  @Override
  public String toString() {
    return "MergeTelemetry{" + spans.size() + " calls in flight}";
  }
}
