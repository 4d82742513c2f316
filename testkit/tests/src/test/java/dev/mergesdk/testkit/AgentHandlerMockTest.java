package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParser;
import dev.mergesdk.agenthandler.AgentHandlerClient;
import dev.mergesdk.agenthandler.McpSession;
import dev.mergesdk.agenthandler.ToolCallResult;
import dev.mergesdk.agenthandler.ToolPacksApi;
import dev.mergesdk.agenthandler.model.McpMethod;
import dev.mergesdk.agenthandler.model.McpRequest;
import dev.mergesdk.agenthandler.model.McpResponse;
import dev.mergesdk.agenthandler.model.McpTool;
import dev.mergesdk.agenthandler.model.ToolPack;
import dev.mergesdk.core.PermissionException;
import dev.mergesdk.core.RateLimitException;
import dev.mergesdk.core.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit as a user of the Agent Handler client would use it: an instance field, a server per test. */
class AgentHandlerMockTest {
  @RegisterExtension
  final MergeMock ah = MergeMock.agentHandler();

  private AgentHandlerClient client() {
    return AgentHandlerClient.builder().apiKey("k").baseUrl(ah.baseUrl()).retryPolicy(RetryPolicy.none()).build();
  }

  @Test
  void autoPagingFollowsNumberedPageUrls() {
    StringBuilder items = new StringBuilder("[");
    for (int i = 1; i <= 7; i++) {
      items.append(i > 1 ? "," : "").append("{\"id\":\"").append(FileStorageMockTest.id(i))
          .append("\",\"name\":\"Pack ").append(i).append("\",\"description\":\"d\",\"connectors\":[]}");
    }
    ah.stub("toolPacks_list").respondPages(items.append(']').toString(), 3);

    List<String> ids = new ArrayList<>();
    try (AgentHandlerClient client = client()) {
      for (ToolPack pack : client.toolPacks().list(ToolPacksApi.ListParams.builder().pageSize(3).build()).autoPage()) {
        ids.add(pack.getId());
      }
    }

    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      expected.add(FileStorageMockTest.id(i));
    }
    assertEquals(expected, ids);
    List<RecordedCall> calls = ah.requests("toolPacks_list");
    assertEquals(3, calls.size());
    assertNull(calls.get(0).queryParameter("page"));
    assertEquals("2", calls.get(1).queryParameter("page"));
    assertEquals("3", calls.get(2).queryParameter("page"));
    assertEquals("3", calls.get(2).queryParameter("page_size"));
  }

  @Test
  void examplesStubsAndFaults() {
    try (AgentHandlerClient client = client()) {
      assertFalse(client.toolPacks().list().execute().getResults().isEmpty(), "the spec's example");

      ah.stub("toolPacks_list").respondJson(403, "{\"error\":{\"type\":\"permission_error\","
          + "\"code\":\"insufficient_scope\",\"message\":\"No.\"}}");
      assertThrows(PermissionException.class, () -> client.toolPacks().list().execute());

      ah.injectFault(Fault.rateLimited(Duration.ofSeconds(7)));
      RateLimitException limited = assertThrows(RateLimitException.class, () -> client.toolPacks().list().execute());
      assertEquals(Duration.ofSeconds(7), limited.retryAfter().orElse(null));
      assertEquals(3, ah.requests().size());
    }
  }

  @Test
  void aNewMcpSessionWorksUnstubbedFromItsFirstRequest() {
    try (AgentHandlerClient client = client()) {
      McpSession session = client.mcpSession(FileStorageMockTest.id(1), FileStorageMockTest.id(2));

      ToolCallResult result = session.callTool("linear__create_issue", Map.of("title", "Printer on fire"));
      assertEquals(ToolCallResult.Status.SUCCESS, result.status(), result.toString());
      assertEquals(McpAnswers.TOOL_TEXT, result.text());

      assertEquals("2025-03-26", session.initialize().getProtocolVersion(), "the version the client asked for");

      String example = ah.spec().operation("mcp_call").exampleResponse().body();
      List<String> exampleTools = new ArrayList<>();
      JsonParser.parseString(example).getAsJsonObject().getAsJsonObject("result").getAsJsonArray("tools")
          .forEach(t -> exampleTools.add(t.getAsJsonObject().get("name").getAsString()));
      assertEquals(exampleTools, session.listTools().map(McpTool::getName).collect(Collectors.toList()));
    }
    assertEquals(3, ah.requests("mcp_call").size());
  }

  @Test
  void mcpAnswersEchoTheRequestIdWhateverItsType() {
    try (AgentHandlerClient client = client()) {
      for (String id : List.of("\"req-7\"", "41")) {
        McpResponse response = client.mcp().call(FileStorageMockTest.id(1), FileStorageMockTest.id(2), new McpRequest()
            .jsonrpc("2.0").id(JsonParser.parseString(id)).method(McpMethod.TOOLS_LIST)).execute();
        assertEquals(JsonParser.parseString(id), response.getId());
        assertFalse(response.getResult().getTools().isEmpty());
      }
    }
  }
}
