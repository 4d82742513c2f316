package dev.mergesdk.agenthandler;

import dev.mergesdk.core.ApiDescriptor;
import dev.mergesdk.core.ClientRuntime;
import dev.mergesdk.core.MergeClientBuilder;
import dev.mergesdk.core.Region;
import java.io.Closeable;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * <p>Every operation group ({@code registeredUsers()}, {@code toolPacks()}, {@code mcp()}, ...) is generated from
 * {@code spec/agent-handler.yaml}. Agent Handler is served in the US and the EU.
 */
public final class AgentHandlerClient extends ApiClient implements Closeable {
  /** The API's base URL in each region it is served in. */
  static final ApiDescriptor API;

  static {
    Map<Region, String> urls = new LinkedHashMap<>();
    urls.put(Region.US, "https://ah-api.merge.dev/api/v1/");
    urls.put(Region.EU, "https://ah-api-eu.merge.dev/api/v1/");
    // Agent signup needs no access key, so a client without one can sign an agent up (and do nothing else).
    API = ApiDescriptor.of("Merge Agent Handler", urls).withOpenOperations();
  }

  private final ClientRuntime runtime;

  private AgentHandlerClient(ClientRuntime runtime) {
    super(runtime.retrofit());
    this.runtime = runtime;
  }

  /** @return a builder; {@code apiKey} is required for every operation but agent signup */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Opens the MCP tools of one tool pack, acting for one registered user.
   *
   * @param toolPackId the tool pack
   * @param registeredUserId the registered user the tools act for
   * @return a session whose {@code callTool(name, arguments)} is a one-line tool call
   */
  public McpSession mcp(String toolPackId, String registeredUserId) {
    return new McpSession(mcp(), runtime, toolPackId, registeredUserId, dev.mergesdk.core.RequestOptions.none());
  }

  /**
   * Requests by path, for endpoints the spec does not describe yet, with this client's key, region, retries,
   * errors and logging. Paths are resolved against {@link #baseUrl()} and may not lead anywhere else.
   *
   * @return the raw requests of this client
   */
  public dev.mergesdk.core.RawApi raw() {
    return runtime.raw();
  }

  /** @return the base URL requests go to */
  public String baseUrl() {
    return runtime.baseUrl();
  }

  /** Releases the connection pool and threads (unless the caller supplied the OkHttp client). */
  @Override
  public void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return runtime.toString();
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
      return new AgentHandlerClient(buildRuntime(API, null));
    }
  }
}
