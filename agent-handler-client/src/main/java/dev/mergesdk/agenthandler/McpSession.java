package dev.mergesdk.agenthandler;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mergesdk.agenthandler.model.McpError;
import dev.mergesdk.agenthandler.model.McpMethod;
import dev.mergesdk.agenthandler.model.McpRequest;
import dev.mergesdk.agenthandler.model.McpRequestParams;
import dev.mergesdk.agenthandler.model.McpResponse;
import dev.mergesdk.agenthandler.model.McpResult;
import dev.mergesdk.agenthandler.model.McpTool;
import dev.mergesdk.core.Json;
import dev.mergesdk.core.RequestOptions;
import dev.mergesdk.core.ClientRuntime;
import dev.mergesdk.core.Paginator;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The tools of one tool pack, acting for one registered user, over MCP's JSON-RPC endpoint. The envelope, request
 * ids, paging of {@code tools/list} and JSON-RPC errors are handled here, so a tool call is one line:
 *
 * <pre>{@code
 * ToolCallResult result = client.mcpSession(toolPackId, userId).callTool("linear__create_issue", Map.of("title", "Bug"));
 * if (result.requiresAuthentication()) {
 *   sendToUser(result.authenticationUrl().orElseThrow());
 * }
 * }</pre>
 *
 * <p>Thread-safe. Obtain it from {@link AgentHandlerClient#mcpSession(String, String)}.
 */
public final class McpSession {
  private static final String JSON_RPC = "2.0";
  private final McpApi api;
  private final ClientRuntime runtime;
  private final String toolPackId;
  private final String registeredUserId;
  private final RequestOptions options;
  private final AtomicLong ids = new AtomicLong();

  McpSession(McpApi api, ClientRuntime runtime, String toolPackId, String registeredUserId, RequestOptions options) {
    this.api = api;
    this.runtime = runtime;
    this.toolPackId = requireText(toolPackId, "toolPackId");
    this.registeredUserId = requireText(registeredUserId, "registeredUserId");
    this.options = options;
  }

  /**
   * @param options per-request options (extra headers such as {@code Mcp-Session-Id}, timeout, retry policy)
   *     applied to every request of the returned session
   * @return a session like this one with those options
   */
  public McpSession with(RequestOptions options) {
    return new McpSession(api, runtime, toolPackId, registeredUserId,
        Objects.requireNonNull(options, "options must not be null"));
  }

  /**
   * Sends {@code initialize}.
   *
   * @return the server's protocol version, capabilities and instructions
   * @throws McpException when the server answers with a JSON-RPC error
   */
  public McpResult initialize() {
    McpRequestParams params = new McpRequestParams().protocolVersion("2025-03-26");
    return send(McpMethod.INITIALIZE, params);
  }

  /**
   * Lists the tools available to the user, lazily: each {@code tools/list} page is requested when iteration
   * reaches it, following {@code nextCursor} until the last page, with the same rules as every paged operation (a
   * server that cycles ends the walk with a {@link dev.mergesdk.core.MergeException} once the tools already
   * fetched are delivered).
   *
   * @return the tools, in the server's order, as a lazy stream; each call lists them anew
   * @throws McpException when the server answers with a JSON-RPC error (while the stream is consumed)
   */
  public Stream<McpTool> listTools() {
    Iterable<McpTool> tools = () -> {
      Iterator<McpResult> pages = new Paginator<McpResult>(null, cursor -> {
        McpRequestParams params = new McpRequestParams();
        if (cursor != null) {
          params.cursor(cursor);
        }
        return send(McpMethod.TOOLS_LIST, params);
      }, (page, cursor) -> page.getNextCursor(), "MCP tools/list");
      return new Iterator<McpTool>() {
        private Iterator<McpTool> tools = Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!tools.hasNext() && pages.hasNext()) {
            List<McpTool> page = pages.next().getTools();
            tools = page == null ? Collections.emptyIterator() : page.iterator();
          }
          return tools.hasNext();
        }

        @Override
        public McpTool next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return tools.next();
        }
      };
    };
    return StreamSupport.stream(tools.spliterator(), false);
  }

  /**
   * Calls a tool.
   *
   * @param name the tool, such as {@code slack__post_message}
   * @param arguments its arguments, matching the tool's input schema (a Map, a JsonObject or any object Gson can
   *     write); null for none
   * @return the outcome: success, a tool error, or the authentication the user must complete first
   * @throws McpException when the server answers with a JSON-RPC error
   */
  public ToolCallResult callTool(String name, Object arguments) {
    requireText(name, "name");
    JsonElement args = arguments == null ? new JsonObject() : Json.gson().toJsonTree(arguments);
    if (!args.isJsonObject()) {
      throw new IllegalArgumentException("arguments must be a JSON object (a Map or a JsonObject), was " + args);
    }
    McpRequestParams params = new McpRequestParams().name(name).arguments(args);
    return ToolCallResult.of(send(McpMethod.TOOLS_CALL, params));
  }

  /**
   * @param name the tool
   * @return the outcome of calling it without arguments
   */
  public ToolCallResult callTool(String name) {
    return callTool(name, (Map<String, Object>) null);
  }

  private McpResult send(McpMethod method, McpRequestParams params) {
    long id = ids.incrementAndGet();
    McpRequest request = new McpRequest().jsonrpc(JSON_RPC).id(Json.gson().toJsonTree(id)).method(method).params(params);
    McpResponse response = api.call(toolPackId, registeredUserId, request).with(options).execute();
    McpError error = response.getError();
    if (error != null) {
      throw new McpException(method.getValue(), error.getCode() == null ? 0 : error.getCode(),
          runtime.scrub(error.getMessage(), options), error.getData());
    }
    JsonElement answered = response.getId();
    boolean sameId = answered == null || answered.isJsonNull()
        || (answered.isJsonPrimitive() && answered.getAsString().equals(Long.toString(id)));
    if (!sameId) {
      throw new McpException(method.getValue(), 0,
          runtime.scrub("response id " + answered + " does not match request id " + id, options), null);
    }
    if (response.getResult() == null) {
      throw new McpException(method.getValue(), 0, "response has neither result nor error", null);
    }
    return response.getResult();
  }

  private static String requireText(String value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  @Override
  public String toString() {
    return "McpSession{toolPack=" + toolPackId + ", registeredUser=" + registeredUserId + "}";
  }
}
