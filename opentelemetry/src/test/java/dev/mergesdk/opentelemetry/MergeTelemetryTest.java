package dev.mergesdk.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.core.NotFoundException;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.filestorage.FileStorageClient;
import dev.mergesdk.testkit.Fault;
import dev.mergesdk.testkit.MergeMock;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an application with an OpenTelemetry SDK sees of the File Storage client's calls against the testkit, read
 * with OpenTelemetry's own in-memory exporter and metric reader.
 */
class MergeTelemetryTest {
  private static final String API_KEY = "sk_live_SECRET_key_for_telemetry_1";

  @RegisterExtension
  static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();
  @RegisterExtension
  final MergeMock fs = MergeMock.fileStorage();

  private FileStorageClient client() {
    return FileStorageClient.builder().apiKey(API_KEY).accountToken("acct_SECRET_token_telemetry")
        .baseUrl(fs.baseUrl())
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(2)).build())
        .callListener(MergeTelemetry.create(otel.getOpenTelemetry())).build();
  }

  @Test
  void eachCallIsAClientSpanUnderTheCurrentOneWithItsAttemptsAndRetries() {
    fs.injectFault(Fault.status(503));
    Span parent = otel.getOpenTelemetry().getTracer("app").spanBuilder("sync").startSpan();
    try (FileStorageClient client = client(); Scope scope = parent.makeCurrent()) {
      client.files().list().execute();
    } finally {
      parent.end();
    }
    SpanData call = otel.getSpans().stream().filter(s -> s.getName().equals("FilesApi.list")).findFirst().orElseThrow();
    assertEquals(SpanKind.CLIENT, call.getKind());
    assertEquals(parent.getSpanContext().getSpanId(), call.getParentSpanId());
    assertEquals("GET", call.getAttributes().get(AttributeKey.stringKey("http.request.method")));
    assertEquals(fs.baseUrl() + "files", call.getAttributes().get(AttributeKey.stringKey("url.full")));
    assertEquals(200L, call.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    assertEquals(1L, call.getAttributes().get(AttributeKey.longKey("http.request.resend_count")));
    assertEquals(StatusCode.UNSET, call.getStatus().getStatusCode());
    assertEquals(List.of("attempt", "retry_decision", "attempt"),
        call.getEvents().stream().map(EventData::getName).collect(Collectors.toList()));
    EventData retry = call.getEvents().get(1);
    assertEquals(Boolean.TRUE, retry.getAttributes().get(AttributeKey.booleanKey("merge.retry")));
    assertEquals("503", retry.getAttributes().get(AttributeKey.stringKey("merge.retry.reason")));
    assertEquals(503L, call.getEvents().get(0).getAttributes().get(AttributeKey.longKey("http.response.status_code")));
  }

  @Test
  void aFailedCallIsAnErrorSpanAndEveryCallAndAttemptIsMeasured() {
    fs.stub("files_retrieve").respondJson(404, "{\"detail\":\"Not found.\"}");
    try (FileStorageClient client = client()) {
      assertThrows(NotFoundException.class, () -> client.files().retrieve("6c1f0000-0000-4000-8000-000000000009")
          .execute());
      client.files().list().execute();
    }
    SpanData failed = otel.getSpans().stream().filter(s -> s.getName().equals("FilesApi.retrieve")).findFirst()
        .orElseThrow();
    assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
    assertEquals("NotFoundException", failed.getAttributes().get(AttributeKey.stringKey("error.type")));
    assertEquals(404L, failed.getAttributes().get(AttributeKey.longKey("http.response.status_code")));

    List<MetricData> metrics = otel.getMetrics();
    MetricData calls = metric(metrics, "merge.client.call.duration");
    assertEquals("s", calls.getUnit());
    assertEquals(2, calls.getHistogramData().getPoints().stream().mapToLong(p -> p.getCount()).sum());
    assertEquals(2, metric(metrics, "http.client.request.duration").getHistogramData().getPoints().stream()
        .mapToLong(p -> p.getCount()).sum());
  }

  @Test
  void noCredentialReachesASpanOrAMetric() {
    fs.allowViolations(); // the raw call's query parameter is not in the spec
    fs.injectFault(Fault.status(500));
    try (FileStorageClient client = client()) {
      client.files().list().execute();
      client.raw().get("/files", java.util.Map.of("api_key", "sk_SECRET_query_value_12345")).execute();
    }
    String everything = otel.getSpans().toString() + otel.getMetrics().toString();
    assertFalse(everything.contains(API_KEY), "the API key leaked");
    assertFalse(everything.contains("acct_SECRET_token_telemetry"), "the account token leaked");
    assertFalse(everything.contains("sk_SECRET_query_value"), "a secret query value leaked");
    assertTrue(everything.contains("api_key=***"), "the raw call's URL is there, redacted");
  }

  private static MetricData metric(List<MetricData> metrics, String name) {
    return metrics.stream().filter(m -> m.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name + " in " + metrics));
  }
}
