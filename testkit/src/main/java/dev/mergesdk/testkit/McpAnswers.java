package dev.mergesdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the MCP endpoint answers when nothing is stubbed: a JSON-RPC response that echoes the request's id, with a
 * result shaped for the request's method. A single example cannot do that (the spec's is a {@code tools/list}
 * answer to id 2), and a client checks both, so a session's first request would fail on the example.
 */
final class McpAnswers {
  /** What an unstubbed {@code tools/call} returns as its text content. */
  static final String TOOL_TEXT = "{\"ok\":true}";
  private static final String PROTOCOL_VERSION = "2025-03-26";

  private McpAnswers() {
  }

  /**
   * @param requestBody the body the client sent
   * @param example the spec's example answer, whose tools a {@code tools/list} returns
   * @return the answer, or empty when the request is not a JSON-RPC request
   */
  static Optional<String> answer(byte[] requestBody, String example) {
    JsonNode request = parse(requestBody);
    if (request == null || !request.isObject() || !request.has("jsonrpc") || !request.path("method").isTextual()) {
      return Optional.empty();
    }
    ObjectNode response = Json.mapper().createObjectNode().put("jsonrpc", "2.0");
    response.set("id", request.has("id") ? request.get("id") : response.nullNode());
    ObjectNode result = response.putObject("result");
    switch (request.get("method").asText()) {
      case "initialize":
        result.put("protocolVersion", request.path("params").path("protocolVersion").asText(PROTOCOL_VERSION));
        result.putObject("capabilities").putObject("tools").put("listChanged", false);
        result.putObject("serverInfo").put("name", "merge-sdk-testkit").put("version", "1");
        break;
      case "tools/list":
        JsonNode tools = parse(example == null ? null : example.getBytes(StandardCharsets.UTF_8));
        JsonNode listed = tools == null ? null : tools.path("result").get("tools");
        result.set("tools", listed != null && listed.isArray() ? listed : Json.mapper().createArrayNode());
        break;
      case "tools/call":
        result.putArray("content").addObject().put("type", "text").put("text", TOOL_TEXT);
        result.put("isError", false);
        break;
      default:
        break;
    }
    return Optional.of(response.toString());
  }

  private static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return Json.mapper().readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }
}
