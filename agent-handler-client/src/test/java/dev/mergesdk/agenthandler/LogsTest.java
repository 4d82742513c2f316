package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.agenthandler.model.ApiCallLog;
import dev.mergesdk.agenthandler.model.ApiCallLogPage;
import dev.mergesdk.agenthandler.model.ToolCallLog;
import dev.mergesdk.agenthandler.model.ToolCallLogPage;
import java.time.OffsetDateTime;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LogsTest {
  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @Test
  void listToolCallsSendsFiltersAndCursorAndDecodesTheCursorPage() {
    server.enqueueFixture(200, "logs_listToolCalls");

    ToolCallLogPage page = client.logs().listToolCalls(LogsApi.ListToolCallsParams.builder()
        .clientTraceId("4bf92f3577b34da6a3ce929d0e0e4736")
        .connectorId("linear")
        .createdAfter(OffsetDateTime.parse("2026-03-05T00:00:00Z"))
        .cursor("eyJpZCI6IDEyMDB9")
        .pageSize(500)
        .status("success")
        .toolName("create_issue")
        .build()).execute();

    server.takeRequestWithoutBody("GET", "/logs/tool-calls/?client_trace_id=4bf92f3577b34da6a3ce929d0e0e4736"
        + "&connector_id=linear&created_after=2026-03-05T00%3A00%3A00Z&cursor=eyJpZCI6IDEyMDB9&page_size=500"
        + "&status=success&tool_name=create_issue");
    assertEquals("eyJpZCI6IDEyMzR9", page.getNextCursor());
    assertTrue(page.getHasMore());
    ToolCallLog log = page.getResults().get(0);
    assertEquals("linear__create_issue", log.getToolName());
    assertEquals("{\"title\": \"Login fails\"}", log.getToolArgs().getAsString());
    assertNull(log.getErrorReason());
    assertEquals(OffsetDateTime.parse("2026-03-05T10:00:00Z"), log.getStartedAt());
  }

  @Test
  void listApiCallsFiltersByToolCallMethodAndStatus() {
    server.enqueueFixture(200, "logs_listApiCalls");

    ApiCallLogPage page = client.logs().listApiCalls(LogsApi.ListApiCallsParams.builder()
        .method("POST").responseStatus(200).toolcallId("tc_01HV7K3J9Q").build()).execute();

    server.takeRequestWithoutBody("GET",
        "/logs/api-calls/?method=POST&response_status=200&toolcall_id=tc_01HV7K3J9Q");
    assertNull(page.getNextCursor());
    assertFalse(page.getHasMore());
    ApiCallLog call = page.getResults().get(0);
    assertEquals("https://api.linear.app/graphql", call.getUrl());
    assertEquals(200, call.getResponseStatus());
    assertEquals("tc_01HV7K3J9Q", call.getToolcallId());
  }
}
