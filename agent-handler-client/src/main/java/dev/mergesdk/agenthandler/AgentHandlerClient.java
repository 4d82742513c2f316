package dev.mergesdk.agenthandler;

import dev.mergesdk.core.internal.ClientRuntime;
import dev.mergesdk.core.MergeClientBuilder;
import dev.mergesdk.core.RequestOptions;
import org.jspecify.annotations.NullMarked;

/**
 * The entry point to Merge Agent Handler. Build one per access key and share it: it is thread-safe, holds the
 * connection pool, and should be closed when the application stops.
 *
 * <pre>{@code
 * try (AgentHandlerClient client = AgentHandlerClient.builder()
 *     .apiKey(System.getenv("MERGE_AH_API_KEY"))
 *     .build()) {
 *   for (ToolPack pack : client.toolPacks().list().autoPage()) {
 *     System.out.println(pack.getName());
 *   }
 * }
 * }</pre>
 *
 * <p>Every operation group ({@code registeredUsers()}, {@code toolPacks()}, {@code mcp()}, ...), the regions and
 * {@code baseUrl()}, {@code close()} and {@code toString()} are generated from {@code spec/agent-handler.yaml}.
 * Agent Handler is served in the US and the EU. {@link #mcpSession(String, String)} wraps the MCP operations.
 */
@NullMarked
public final class AgentHandlerClient extends ApiClient {
  private AgentHandlerClient(ClientRuntime runtime) {
    super(runtime);
  }

  /** {@return a builder; {@code apiKey} is required for every operation but agent signup} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Opens the MCP tools of one tool pack, acting for one registered user. Unlike {@code mcp()}, which returns
   * the raw JSON-RPC operations, the session builds the envelopes, pages {@code tools/list} and reads results.
   *
   * @param toolPackId the tool pack
   * @param registeredUserId the registered user the tools act for
   * @return a session whose {@code callTool(name, arguments)} is a one-line tool call
   */
  public McpSession mcpSession(String toolPackId, String registeredUserId) {
    return new McpSession(mcp(), runtime, toolPackId, registeredUserId, RequestOptions.none());
  }

  /** Builds an {@link AgentHandlerClient}. */
  public static final class Builder extends MergeClientBuilder<Builder> {
    private Builder() {
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * @return the client; without an API key, only agent signup can be called (any other call fails before it is
     *     sent)
     * @throws IllegalArgumentException when the region is one Agent Handler is not served in
     */
    public AgentHandlerClient build() {
      // Agent signup needs no access key, so a client without one can sign an agent up (and do nothing else).
      return new AgentHandlerClient(buildRuntime(API.withOpenOperations(), null));
    }
  }
}
