package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The dispatcher the SDK's own test servers use: queue responses as usual, get every exchange checked. */
class ContractDispatcherTest {
  private static final ApiSpec SPEC = ApiSpec.named("testkit-fixture");
  private static final String JSON = "application/json";

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", JSON).body(body).build();
  }

  @Test
  void checksRequestsAndResponsesQueuedThroughTheServer() throws IOException {
    ContractDispatcher contract = new ContractDispatcher(SPEC);
    OkHttpClient http = new OkHttpClient();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(contract);
      server.start();
      server.enqueue(json(200, "{\"id\":\"t1\",\"name\":\"ok\"}"));
      server.enqueue(json(200, "{\"id\":\"t1\"}"));
      contract.enqueueUnchecked(json(200, "{\"id\":\"t1\"}"));
      for (int i = 0; i < 3; i++) {
        try (Response r = http.newCall(new Request.Builder().url(server.url("/api/fixture/v1/things/t1"))
            .header("Authorization", "Bearer k").build()).execute()) {
          assertEquals(200, r.code());
        }
      }
      assertEquals(3, server.getRequestCount());
    } finally {
      http.connectionPool().evictAll();
      http.dispatcher().executorService().shutdown();
    }
    List<Violation> violations = contract.violations();
    assertEquals(1, violations.size(), violations.toString());
    assertEquals("things_retrieve", violations.get(0).operationId());
    assertEquals("response", violations.get(0).side());
    assertTrue(violations.get(0).message().contains("name"), violations.get(0).message());
    assertThrows(ContractViolationError.class, contract::assertNoViolations);
    contract.assertNoViolations();
    assertEquals(java.util.Set.of("things_retrieve"), contract.exercisedOperationIds());
  }

  @Test
  void coverageListsTheOperationsNobodyExercised() {
    ApiSpec spec = ApiSpec.of("coverage-fixture", SPEC.yaml());
    AssertionError e = assertThrows(AssertionError.class, () -> ContractCoverage.assertAllExercised(spec));
    assertTrue(e.getMessage().contains("0 of 4 operations"), e.getMessage());
    ContractCoverage.record(spec, "things_list");
    assertEquals(List.of("things_create", "things_retrieve", "widgets_list"),
        ContractCoverage.missing(spec).stream().map(SpecOperation::operationId).sorted().collect(Collectors.toList()));
  }
}
