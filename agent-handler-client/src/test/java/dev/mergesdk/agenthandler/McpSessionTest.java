package dev.mergesdk.agenthandler;

import com.google.gson.JsonParser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.mergesdk.agenthandler.model.McpTool;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import dev.mergesdk.testkit.RecordedCall;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class McpSessionTest {
  private static final String PACK = "8b5f6c1e-2f43-4b0e-9d51-3a7c2e9f0b11";
  private static final String MCP_PATH = "/tool-packs/" + PACK + "/registered-users/user-1/mcp/";

  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @Test
  void callToolIsOneLineAndSendsTheJsonRpcEnvelope() {
    server.enqueueJson(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\","
        + "\"text\":\"{\\\"id\\\":\\\"ISS-7\\\"}\"}],\"isError\":false}}");
    ToolCallResult result = client.mcpSession(PACK, "user-1").callTool("linear__create_issue", Map.of("title", "Bug"));
    assertTrue(result.isSuccess());
    assertEquals("{\"id\":\"ISS-7\"}", result.text());
    RecordedCall request = server.takeRequest();
    assertEquals("POST", request.method());
    assertEquals(MCP_PATH, request.path());
    JsonObject body = JsonParser.parseString(request.body()).getAsJsonObject();
    assertEquals("2.0", body.get("jsonrpc").getAsString());
    assertEquals(1, body.get("id").getAsInt());
    assertEquals("tools/call", body.get("method").getAsString());
    assertEquals("linear__create_issue", body.getAsJsonObject("params").get("name").getAsString());
    assertEquals("Bug", body.getAsJsonObject("params").getAsJsonObject("arguments").get("title").getAsString());
  }

  @Test
  void aConnectorTheUserHasNotAuthorisedComesBackAsAuthenticationRequiredWithTheLink() {
    server.enqueueJson(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":"
        + "\"{\\\"message\\\":\\\"Authenticate Linear first.\\\",\\\"magic_link_url\\\":\\\"https://ah.merge.dev/link/abc\\\"}\"}]}}");
    ToolCallResult result = client.mcpSession(PACK, "user-1").callTool("linear__create_issue", Map.of("title", "Bug"));
    assertEquals(ToolCallResult.Status.AUTHENTICATION_REQUIRED, result.status());
    assertTrue(result.requiresAuthentication());
    assertEquals("https://ah.merge.dev/link/abc", result.authenticationUrl().orElseThrow());
    assertEquals("Authenticate Linear first.", result.message().orElseThrow());
    assertFalse(result.toString().contains("link/abc"), "the link is not printed by toString()");
    server.takeRequest("POST", MCP_PATH);
  }

  @Test
  void aToolErrorIsATypedResultNotAnException() {
    server.enqueueJson(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"isError\":true,\"content\":[{\"type\":\"text\","
        + "\"text\":\"{\\\"error\\\":\\\"billing_limit_reached\\\",\\\"message\\\":\\\"Upgrade your plan.\\\"}\"}]}}");
    ToolCallResult result = client.mcpSession(PACK, "user-1").callTool("slack__post_message");
    assertEquals(ToolCallResult.Status.TOOL_ERROR, result.status());
    assertEquals("billing_limit_reached", result.errorCode().orElseThrow());
    assertEquals("Upgrade your plan.", result.message().orElseThrow());
    server.takeRequest("POST", MCP_PATH);
  }

  @Test
  void aJsonRpcErrorIsThrownAsMcpException() {
    server.enqueueJson(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Unknown tool: nope\"}}");
    McpException e = assertThrows(McpException.class, () -> client.mcpSession(PACK, "user-1").callTool("nope"));
    assertEquals(-32602, e.code());
    assertEquals("MCP tools/call failed (JSON-RPC error -32602): Unknown tool: nope", e.getMessage());
    server.takeRequest("POST", MCP_PATH);
  }

  @Test
  void requestIdsIncreaseAndAMismatchedResponseIdIsRejected() {
    server.enqueueJson(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[]}}");
    server.enqueueJson(200, "{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":{\"content\":[]}}");
    McpSession session = client.mcpSession(PACK, "user-1");
    session.callTool("a__b");
    McpException e = assertThrows(McpException.class, () -> session.callTool("a__b"));
    assertTrue(e.getMessage().contains("response id 99 does not match request id 2"), e.getMessage());
    assertEquals(1, JsonParser.parseString(server.takeRequest("POST", MCP_PATH).body()).getAsJsonObject().get("id").getAsInt());
    assertEquals(2, JsonParser.parseString(server.takeRequest("POST", MCP_PATH).body()).getAsJsonObject().get("id").getAsInt());
  }

  @Test
  void listToolsFollowsNextCursorAcrossPages() {
    server.enqueueJson(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[{\"name\":\"a__one\"}],\"nextCursor\":\"p2\"}}");
    server.enqueueJson(200, "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"tools\":[{\"name\":\"a__two\"}],\"nextCursor\":null}}");
    List<String> names = client.mcpSession(PACK, "user-1").listTools().map(McpTool::getName)
        .collect(Collectors.toList());
    assertEquals(List.of("a__one", "a__two"), names);
    assertEquals("tools/list", JsonParser.parseString(server.takeRequest().body()).getAsJsonObject()
        .get("method").getAsString());
    JsonObject second = JsonParser.parseString(server.takeRequest().body()).getAsJsonObject();
    assertEquals("p2", second.getAsJsonObject("params").get("cursor").getAsString());
  }

  @Test
  void blankIdsAndNonObjectArgumentsFailBeforeAnyRequest() {
    assertEquals("toolPackId must not be blank", assertThrows(IllegalArgumentException.class, () -> client.mcpSession(" ", "u")).getMessage());
    assertEquals("registeredUserId must not be null", assertThrows(NullPointerException.class, () -> client.mcpSession(PACK, null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> client.mcpSession(PACK, "u").callTool("a__b", List.of(1, 2)));
    assertEquals(0, server.requestCount());
  }

  @Test
  void listToolsPagesLazilyAndEndsACursorCycleAfterDeliveringEveryTool() {
    server.enqueueJson(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[{\"name\":\"a__one\"}],\"nextCursor\":\"p2\"}}");
    server.enqueueJson(200, "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"tools\":[{\"name\":\"a__one\"}],\"nextCursor\":\"p2\"}}");
    server.enqueueJson(200, "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"tools\":[{\"name\":\"a__two\"}],\"nextCursor\":\"p3\"}}");
    server.enqueueJson(200, "{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{\"tools\":[{\"name\":\"a__three\"}],\"nextCursor\":\"p2\"}}");
    McpSession session = client.mcpSession(PACK, "user-1");

    assertEquals("a__one", session.listTools().findFirst().orElseThrow().getName());
    assertEquals(1, server.requestCount(), "only the page needed was requested");
    List<String> names = new java.util.ArrayList<>();
    dev.mergesdk.core.MergeException cycle = assertThrows(dev.mergesdk.core.MergeException.class,
        () -> session.listTools().forEach(t -> names.add(t.getName())));
    assertTrue(cycle.getMessage().contains("cycled"), cycle.getMessage());
    assertEquals(List.of("a__one", "a__two", "a__three"), names);
    assertTrue(server.requests().stream().allMatch(r -> "mcp_call".equals(r.operationId())), "every page from the MCP endpoint");
  }

  @Test
  void aJsonRpcErrorThatEchoesTheAccessKeyDoesNotShowIt() {
    server.enqueueJson(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"denied for "
        + TestClients.API_KEY + "\"}}");
    McpException e = assertThrows(McpException.class, () -> client.mcpSession(PACK, "user-1").callTool("x__y"));
    assertFalse(e.getMessage().contains(TestClients.API_KEY), e.getMessage());
    assertTrue(e.getMessage().contains("denied for ***"), e.getMessage());
    server.takeRequest("POST", MCP_PATH);
  }
}
