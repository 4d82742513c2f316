package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mergesdk.agenthandler.AgentHandlerClient;
import dev.mergesdk.agenthandler.McpException;
import dev.mergesdk.agenthandler.McpSession;
import dev.mergesdk.core.FuzzServer;
import dev.mergesdk.core.GeneratedOperations;
import dev.mergesdk.core.JsonMutator;
import dev.mergesdk.core.SecretGuard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every response fixture of both clients, mutated (truncated, bits flipped, wrong JSON types, members deleted or
 * duplicated, huge numbers, deep nesting, invalid UTF-8, trivial bodies) and decoded through the real client
 * operation it belongs to: the only exception that may come out is {@code DecodeException}. The seed is fixed, so a
 * failure names a reproducible mutation; {@code -Dmerge.fuzz.mutations=N} fuzzes deeper (default 40 per fixture).
 */
class FixtureFuzzTest {
  private static final long SEED = 20261122L;
  private static final int MUTATIONS = Integer.getInteger("merge.fuzz.mutations", 40);

  private static SecretGuard guard;
  private static FuzzServer server;
  private static final Map<SdkClient, AutoCloseable> CLIENTS = new EnumMap<>(SdkClient.class);

  @BeforeAll
  static void start() {
    guard = SecretGuard.startQuiet();
    server = new FuzzServer();
    for (SdkClient sdk : SdkClient.values()) {
      CLIENTS.put(sdk, sdk.build(server.url(sdk.basePath()), guard.logger(), false));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable client : CLIENTS.values()) {
      client.close();
    }
    server.close();
    guard.close();
  }

  @ParameterizedTest
  @EnumSource(SdkClient.class)
  void everyFixtureBelongsToAnOperationThatDecodesJson(SdkClient sdk) {
    List<Path> fixtures = sdk.fixtures();
    assertFalse(fixtures.isEmpty(), "no fixtures found");
    List<String> unmapped = fixtures.stream()
        .filter(f -> sdk.operationOf(f) == null || !sdk.operationOf(f).decodesJson())
        .map(f -> f.getFileName() + " -> " + sdk.operationKey(f))
        .collect(Collectors.toList());
    assertEquals(List.of(), unmapped, "fixtures without a JSON operation: name them group_operation.json or add an alias");
  }

  @TestFactory
  Stream<DynamicNode> mutatedFixturesDecodeOrFailWithDecodeExceptionOnly() {
    return Stream.of(SdkClient.values()).map(sdk -> dynamicContainer(sdk.name(), sdk.fixtures().stream()
        .map(fixture -> dynamicTest(fixture.getFileName() + " via " + sdk.operationKey(fixture), () -> {
          GeneratedOperations.Operation op = sdk.operationOf(fixture);
          if (op == null) {
            return; // reported by everyFixtureBelongsToAnOperationThatDecodesJson
          }
          byte[] original = Files.readAllBytes(fixture);
          long seed = SEED ^ fixture.getFileName().toString().hashCode();
          List<JsonMutator.Mutation> mutations = JsonMutator.mutations(original, seed, MUTATIONS);
          List<String> unexpected = server.unexpectedOutcomes(mutations, () -> op.execute(CLIENTS.get(sdk)), guard);
          assertEquals(List.of(), unexpected, fixture.getFileName() + " (seed " + seed + ")");
        }))));
  }

  @ParameterizedTest
  @EnumSource(SdkClient.class)
  void everyFixtureAsIsDecodesThroughItsOperation(SdkClient sdk) throws Exception {
    for (Path fixture : sdk.fixtures()) {
      GeneratedOperations.Operation op = sdk.operationOf(fixture);
      if (op != null) {
        server.serve(Files.readAllBytes(fixture));
        assertNotNull(op.execute(CLIENTS.get(sdk)), fixture.getFileName().toString());
      }
    }
  }

  /**
   * Agent Handler's MCP helper reads the decoded JSON-RPC envelope further (ids, errors, tool results): fuzzed
   * answers to a session's initialize, tools/list and tools/call may only end in success, {@code DecodeException}
   * or {@code McpException}. The fixtures' ids are set to 1, the id a new session's first request carries.
   */
  @TestFactory
  Stream<DynamicTest> mutatedMcpAnswersEndInSuccessDecodeOrMcpExceptionOnly() {
    AgentHandlerClient client = (AgentHandlerClient) CLIENTS.get(SdkClient.AGENT_HANDLER);
    return SdkClient.AGENT_HANDLER.fixtures().stream().filter(f -> f.getFileName().toString().startsWith("mcp_call."))
        .map(fixture -> dynamicTest(fixture.getFileName().toString(), () -> {
          String name = fixture.getFileName().toString();
          JsonObject envelope = JsonParser.parseString(Files.readString(fixture)).getAsJsonObject();
          envelope.addProperty("id", 1);
          long seed = SEED ^ name.hashCode();
          List<JsonMutator.Mutation> mutations = JsonMutator.mutations(
              envelope.toString().getBytes(StandardCharsets.UTF_8), seed, MUTATIONS * 5);
          Callable<Object> call = () -> {
            McpSession session = client.mcpSession("tp-1", "ru-1");
            return name.contains("initialize") ? session.initialize()
                : name.contains("tools-list") ? session.listTools().collect(Collectors.toList())
                : session.callTool("linear__create_issue", Map.of("title", "Bug"));
          };
          List<String> unexpected = server.unexpectedOutcomes(mutations, () -> {
            try {
              return call.call();
            } catch (McpException expected) {
              guard.check(expected);
              return null;
            }
          }, guard);
          assertEquals(List.of(), unexpected, name + " (seed " + seed + ")");
        }));
  }
}
