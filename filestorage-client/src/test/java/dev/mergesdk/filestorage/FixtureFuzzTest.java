package dev.mergesdk.filestorage;

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
  private static final Map<String, String> ALIASES = Map.of(
      "paging_files_page1", "files_list",
      "paging_files_page2", "files_list",
      "paging_files_page3", "files_list",
      "unknown_values_file", "files_retrieve",
      "dates_and_nulls_file", "files_retrieve",
      "unknown_values_sync_status", "syncStatus_list");
  private static final Map<String, GeneratedOperations.Operation> OPERATIONS = GeneratedOperations.of(FileStorageClient.class);

  private static SecretGuard guard;
  private static FuzzServer server;
  private static FileStorageClient client;

  @BeforeAll
  static void start() {
    guard = SecretGuard.startQuiet();
    server = new FuzzServer();
    client = FileStorageClient.builder().apiKey(SecretGuard.API_KEY).accountToken(SecretGuard.ACCOUNT_TOKEN)
        .baseUrl(server.url("/api/filestorage/v1/")).retryPolicy(RetryPolicy.none()).logger(guard.logger()).build();
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
}
