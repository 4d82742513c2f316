package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.mergesdk.agenthandler.model.McpContent;
import dev.mergesdk.agenthandler.model.McpContentType;
import dev.mergesdk.agenthandler.model.McpImplementation;
import dev.mergesdk.agenthandler.model.McpMethod;
import dev.mergesdk.agenthandler.model.McpRequest;
import dev.mergesdk.agenthandler.model.McpRequestParams;
import dev.mergesdk.agenthandler.model.McpResponse;
import dev.mergesdk.agenthandler.model.McpResponseFormat;
import dev.mergesdk.agenthandler.model.McpTool;
import dev.mergesdk.agenthandler.model.ToolSearchMatch;
import dev.mergesdk.agenthandler.model.ToolSearchRequest;
import dev.mergesdk.agenthandler.model.ToolSearchResult;
import dev.mergesdk.core.ApiResponse;
import dev.mergesdk.core.RequestOptions;
import java.util.List;
import mockwebserver3.MockResponse;
import dev.mergesdk.testkit.RecordedCall;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class McpTest {
  private static final String PACK_ID = "0b8e5d2c-6a71-4f3e-9c24-5d6e7f801234";
  private static final String USER_ID = "7f1c2a9e-3b4d-4c5e-8f60-1a2b3c4d5e6f";
  private static final String MCP_PATH = "/tool-packs/" + PACK_ID + "/registered-users/" + USER_ID + "/mcp/";

  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @Test
  void callSendsAToolsCallRequestWithItsQueryOptionsAndDecodesTheTextResult() {
    server.enqueueFixture(200, "mcp_call.tools-call");
    JsonObject arguments = JsonParser.parseString("{\"title\": \"Login fails on Safari\", \"priority\": 2}")
        .getAsJsonObject();

    McpResponse response = client.mcp().call(PACK_ID, USER_ID,
        new McpRequest()
            .id(new JsonPrimitive("9b2f6c1e-1d4a-4b7e-a1f0-3c5d7e9f1a2b"))
            .method(McpMethod.TOOLS_CALL)
            .params(new McpRequestParams().name("linear__create_issue").arguments(arguments)),
        McpApi.CallParams.builder()
            .authenticatedOnly(true).connectors("linear", "slack").format(McpResponseFormat.JSON).build())
        .execute();

    server.takeJsonRequest("POST", MCP_PATH + "?authenticated_only=true&connectors=linear,slack&format=json", """
        {"jsonrpc": "2.0", "id": "9b2f6c1e-1d4a-4b7e-a1f0-3c5d7e9f1a2b", "method": "tools/call",
         "params": {"name": "linear__create_issue", "arguments": {"title": "Login fails on Safari", "priority": 2}}}""");
    assertEquals("2.0", response.getJsonrpc());
    assertEquals("9b2f6c1e-1d4a-4b7e-a1f0-3c5d7e9f1a2b", response.getId().getAsString());
    assertNull(response.getError());
    assertFalse(response.getResult().getIsError());
    McpContent content = response.getResult().getContent().get(0);
    assertEquals(McpContentType.TEXT, content.getType());
    assertEquals("ENG-128", JsonParser.parseString(content.getText()).getAsJsonObject().get("id").getAsString());
  }

  @Test
  void initializeSendsTheClientInfoAndEchoesTheSessionHeader() {
    server.enqueue(new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json")
        .addHeader("Mcp-Session-Id", "sess-41")
        .body(server.fixture("mcp_call.initialize"))
        .build());

    ApiResponse<McpResponse> response = client.mcp().call(PACK_ID, USER_ID, new McpRequest()
        .id(new JsonPrimitive(1))
        .method(McpMethod.INITIALIZE)
        .params(new McpRequestParams().protocolVersion("2025-03-26")
            .clientInfo(new McpImplementation().name("support-bot").version("3.1"))))
        .with(RequestOptions.builder().header("Mcp-Session-Id", "sess-40").build())
        .executeRaw();

    RecordedCall request = server.takeJsonRequest("POST", MCP_PATH, """
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"protocolVersion": "2025-03-26", "clientInfo": {"name": "support-bot", "version": "3.1"}}}""");
    assertEquals("sess-40", request.header("Mcp-Session-Id"));
    assertEquals("sess-41", response.header("Mcp-Session-Id").orElseThrow());
    assertEquals(1, response.body().getId().getAsInt());
    assertEquals("2025-03-26", response.body().getResult().getProtocolVersion());
    assertEquals("merge-agent-handler", response.body().getResult().getServerInfo().getName());
    assertFalse(response.body().getResult().getCapabilities().getAsJsonObject().get("tools").isJsonNull());
  }

  @Test
  void toolsListDecodesEachToolWithItsInputSchema() {
    server.enqueueFixture(200, "mcp_call.tools-list");

    McpResponse response = client.mcp().call(PACK_ID, USER_ID,
        new McpRequest().id(new JsonPrimitive(2)).method(McpMethod.TOOLS_LIST)).execute();

    server.takeJsonRequest("POST", MCP_PATH, "{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"tools/list\"}");
    List<McpTool> tools = response.getResult().getTools();
    assertEquals("linear__create_issue", tools.get(0).getName());
    assertEquals("title", tools.get(0).getInputSchema().getAsJsonObject().getAsJsonArray("required").get(0).getAsString());
  }

  @Test
  void aToolThatNeedsAuthorisationReportsIsErrorWithAMagicLinkInItsText() {
    server.enqueueFixture(200, "mcp_call.auth-needed");

    McpResponse response = client.mcp().call(PACK_ID, USER_ID, new McpRequest().id(new JsonPrimitive(3))
        .method(McpMethod.TOOLS_CALL).params(new McpRequestParams().name("linear__list_issues"))).execute();

    server.takeRequest("POST", MCP_PATH);
    assertTrue(response.getResult().getIsError());
    JsonObject text = JsonParser.parseString(response.getResult().getContent().get(0).getText()).getAsJsonObject();
    assertEquals("https://ah.merge.dev/link/lt_7Qm2", text.get("magic_link_url").getAsString());
  }

  @Test
  void aJsonRpcErrorArrivesAsAnErrorObjectInsteadOfAResult() {
    server.enqueueFixture(200, "mcp_call.error");

    McpResponse response = client.mcp().call(PACK_ID, USER_ID, new McpRequest().id(new JsonPrimitive(4))
        .method(McpMethod.TOOLS_CALL).params(new McpRequestParams().name("linear__close_everything"))).execute();

    server.takeRequest("POST", MCP_PATH);
    assertNull(response.getResult());
    assertEquals(-32602, response.getError().getCode());
    assertEquals("Unknown tool: linear__close_everything", response.getError().getMessage());
    assertEquals("linear__close_everything", response.getError().getData().getAsJsonObject().get("tool").getAsString());
  }

  @Test
  void aRegisteredUserIdIsSentAsOneEncodedPathSegment() {
    server.enqueueFixture(200, "mcp_call.tools-list");

    client.mcp().call(PACK_ID, "origin/42 a", new McpRequest().method(McpMethod.TOOLS_LIST)).execute();

    server.takeRequest("POST", "/tool-packs/" + PACK_ID + "/registered-users/origin%2F42%20a/mcp/");
  }

  @Test
  void searchToolsSendsTheIntentAndDecodesRankedMatches() {
    server.enqueueFixture(200, "mcp_searchTools");

    ToolSearchResult result = client.mcp().searchTools(PACK_ID, USER_ID, new ToolSearchRequest()
        .intent("open a bug report").connectorSlugs(List.of("linear")).maxResults(5)).execute();

    server.takeJsonRequest("POST", "/tool-packs/" + PACK_ID + "/registered-users/" + USER_ID + "/search/",
        "{\"intent\": \"open a bug report\", \"connector_slugs\": [\"linear\"], \"max_results\": 5}");
    assertEquals(1, result.getTotalResults());
    ToolSearchMatch match = result.getTools().get(0);
    assertEquals("linear__create_issue", match.getFullyQualifiedName());
    assertEquals(0.93, match.getRelevanceScore());
    assertEquals("object", match.getInputSchema().getAsJsonObject().get("type").getAsString());
  }
}
