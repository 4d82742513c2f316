package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.mergesdk.core.FuzzServer;
import dev.mergesdk.core.GeneratedOperations;
import dev.mergesdk.core.JsonMutator;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.core.SecretGuard;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every response fixture, mutated (truncated, bits flipped, wrong JSON types, members deleted or duplicated, huge
 * numbers, deep nesting, invalid UTF-8, trivial bodies) and decoded through the real client operation it belongs
 * to: the only exception that may come out is {@code DecodeException}. The seed is fixed, so a failure names a
 * reproducible mutation; {@code -Dmerge.fuzz.mutations=N} fuzzes deeper (default 40 per fixture).
 */
class FixtureFuzzTest {
  private static final long SEED = 20261122L;
  private static final int MUTATIONS = Integer.getInteger("merge.fuzz.mutations", 40);
  /** Fixtures not named {@code group_operation[.variant].json}, and the operation whose response they are. */
  private static final Map<String, String> ALIASES = Map.of();
  private static final Map<String, GeneratedOperations.Operation> OPERATIONS = GeneratedOperations.of(AgentHandlerClient.class);

  private static SecretGuard guard;
  private static FuzzServer server;
  private static AgentHandlerClient client;

  @BeforeAll
  static void start() {
    guard = SecretGuard.startQuiet();
    server = new FuzzServer();
    client = AgentHandlerClient.builder().apiKey(SecretGuard.API_KEY)
        .baseUrl(server.url("/api/v1/")).retryPolicy(RetryPolicy.none()).logger(guard.logger()).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
    guard.close();
  }

  static List<Path> fixtures() throws IOException, URISyntaxException {
    Path root = Paths.get(FixtureFuzzTest.class.getResource("/fixtures").toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
  }

  static String operationKey(Path fixture) {
    String name = fixture.getFileName().toString().replaceFirst("\\.json$", "");
    return ALIASES.getOrDefault(name, name.replaceFirst("\\..*$", ""));
  }

  @Test
  void everyFixtureBelongsToAnOperationThatDecodesJson() throws Exception {
    List<Path> fixtures = fixtures();
    assertFalse(fixtures.isEmpty(), "no fixtures found");
    List<String> unmapped = fixtures.stream()
        .filter(f -> {
          GeneratedOperations.Operation op = GeneratedOperations.find(OPERATIONS, operationKey(f));
          return op == null || !op.decodesJson();
        })
        .map(f -> f.getFileName() + " -> " + operationKey(f))
        .collect(Collectors.toList());
    assertEquals(List.of(), unmapped, "fixtures without a JSON operation: name them group_operation.json or add an alias");
  }

  @TestFactory
  Stream<DynamicTest> mutatedFixturesDecodeOrFailWithDecodeExceptionOnly() throws Exception {
    return fixtures().stream().map(fixture -> dynamicTest(fixture.getFileName() + " via " + operationKey(fixture), () -> {
      GeneratedOperations.Operation op = GeneratedOperations.find(OPERATIONS, operationKey(fixture));
      if (op == null) {
        return; // reported by everyFixtureBelongsToAnOperationThatDecodesJson
      }
      byte[] original = Files.readAllBytes(fixture);
      long seed = SEED ^ fixture.getFileName().toString().hashCode();
      List<JsonMutator.Mutation> mutations = JsonMutator.mutations(original, seed, MUTATIONS);
      List<String> unexpected = server.unexpectedOutcomes(mutations, () -> op.execute(client), guard);
      assertEquals(List.of(), unexpected, fixture.getFileName() + " (seed " + seed + ")");
    }));
  }

  @Test
  void everyFixtureAsIsDecodesThroughItsOperation() throws Exception {
    for (Path fixture : fixtures()) {
      GeneratedOperations.Operation op = GeneratedOperations.find(OPERATIONS, operationKey(fixture));
      if (op != null) {
        server.serve(Files.readAllBytes(fixture));
        assertNotNull(op.execute(client), fixture.getFileName().toString());
      }
    }
  }

  /**
   * The MCP helper reads the decoded JSON-RPC envelope further (ids, errors, tool results): fuzzed answers to a
   * session's initialize, tools/list and tools/call may only end in success, {@code DecodeException} or
   * {@code McpException}. The fixtures' ids are set to 1, the id a new session's first request carries.
   */
  @TestFactory
  Stream<DynamicTest> mutatedMcpAnswersEndInSuccessDecodeOrMcpExceptionOnly() throws Exception {
    return fixtures().stream().filter(f -> f.getFileName().toString().startsWith("mcp_call."))
        .map(fixture -> dynamicTest(fixture.getFileName().toString(), () -> {
          String name = fixture.getFileName().toString();
          com.google.gson.JsonObject envelope = com.google.gson.JsonParser.parseString(Files.readString(fixture)).getAsJsonObject();
          envelope.addProperty("id", 1);
          long seed = SEED ^ name.hashCode();
          List<JsonMutator.Mutation> mutations = JsonMutator.mutations(
              envelope.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), seed, MUTATIONS * 5);
          java.util.concurrent.Callable<Object> call = () -> {
            McpSession session = client.mcpSession("tp-1", "ru-1");
            return name.contains("initialize") ? session.initialize()
                : name.contains("tools-list") ? session.listTools().collect(java.util.stream.Collectors.toList())
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
