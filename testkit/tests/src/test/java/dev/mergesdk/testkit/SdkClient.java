package dev.mergesdk.testkit;

import dev.mergesdk.agenthandler.AgentHandlerClient;
import dev.mergesdk.core.GeneratedOperations;
import dev.mergesdk.core.HttpLogger;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.core.SecretGuard;
import dev.mergesdk.filestorage.FileStorageClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The two clients, for the suites that hold for both (fuzzed fixtures, every operation, bad input): what differs
 * between them is here, once, and each suite runs once per constant.
 */
enum SdkClient {
  FILE_STORAGE(FileStorageClient.class, ApiSpec.fileStorage(), "filestorage", Map.of(
      "paging_files_page1", "files_list",
      "paging_files_page2", "files_list",
      "paging_files_page3", "files_list",
      "unknown_values_file", "files_retrieve",
      "dates_and_nulls_file", "files_retrieve",
      "unknown_values_sync_status", "syncStatus_list")) {
    @Override
    AutoCloseable build(String baseUrl, HttpLogger logger, boolean retries) {
      FileStorageClient.Builder b = FileStorageClient.builder().apiKey(SecretGuard.API_KEY)
          .accountToken(SecretGuard.ACCOUNT_TOKEN).baseUrl(baseUrl).logger(logger);
      return (retries ? b : b.retryPolicy(RetryPolicy.none())).build();
    }
  },
  AGENT_HANDLER(AgentHandlerClient.class, ApiSpec.agentHandler(), "agenthandler", Map.of()) {
    @Override
    AutoCloseable build(String baseUrl, HttpLogger logger, boolean retries) {
      AgentHandlerClient.Builder b = AgentHandlerClient.builder().apiKey(SecretGuard.API_KEY).baseUrl(baseUrl)
          .logger(logger);
      return (retries ? b : b.retryPolicy(RetryPolicy.none())).build();
    }
  };

  private final Class<?> type;
  private final ApiSpec spec;
  private final String fixtureDirectory;
  /** Fixtures not named {@code group_operation[.variant].json}, and the operation whose response they are. */
  private final Map<String, String> aliases;
  private Map<String, GeneratedOperations.Operation> operations;

  SdkClient(Class<?> type, ApiSpec spec, String fixtureDirectory, Map<String, String> aliases) {
    this.type = type;
    this.spec = spec;
    this.fixtureDirectory = fixtureDirectory;
    this.aliases = aliases;
  }

  /**
   * @param baseUrl where the client sends its requests
   * @param logger where it logs (a {@link SecretGuard}'s, so that no secret escapes)
   * @param retries whether it keeps the default retry policy
   * @return a client with the guard's dummy credentials
   */
  abstract AutoCloseable build(String baseUrl, HttpLogger logger, boolean retries);

  /** {@return the spec the client is generated from} */
  ApiSpec spec() {
    return spec;
  }

  /** {@return the path prefix of every operation, ending in a slash} */
  String basePath() {
    return spec.basePath() + "/";
  }

  /** {@return the client's generated operations, found by reflection} */
  synchronized Map<String, GeneratedOperations.Operation> operations() {
    if (operations == null) {
      operations = GeneratedOperations.of(type);
    }
    return operations;
  }

  /** {@return the response fixtures of the client module's tests, sorted} */
  List<Path> fixtures() {
    try {
      Path root = Paths.get(SdkClient.class.getResource("/fixtures/" + fixtureDirectory).toURI());
      try (Stream<Path> files = Files.walk(root)) {
        return files.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param fixture a fixture file
   * @return the operation whose response it is: its name up to the first dot, unless aliased
   */
  String operationKey(Path fixture) {
    String name = fixture.getFileName().toString().replaceFirst("\\.json$", "");
    return aliases.getOrDefault(name, name.replaceFirst("\\..*$", ""));
  }

  /**
   * @param fixture a fixture file
   * @return the operation it belongs to, or {@code null}
   */
  GeneratedOperations.Operation operationOf(Path fixture) {
    return GeneratedOperations.find(operations(), operationKey(fixture));
  }
}
