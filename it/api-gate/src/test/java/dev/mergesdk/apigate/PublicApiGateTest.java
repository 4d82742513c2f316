package dev.mergesdk.apigate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mergesdk.agenthandler.AgentHandlerClient;
import dev.mergesdk.core.MergeCall;
import dev.mergesdk.filestorage.FileStorageClient;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java API gate, like the spec's diff gate: the public API of common and of both clients (everything outside
 * an {@code internal} package) must equal the committed listing in {@code it/api-gate/api/}. An unintended change
 * fails the build and prints what changed; an intended one is recorded with {@code -Dapi.update=true} and
 * reviewed in the diff (a removal or change of a line is a breaking change: see the README's versioning policy).
 */
class PublicApiGateTest {
  static Stream<Arguments> artifacts() {
    return Stream.of(Arguments.of("merge-sdk-common", MergeCall.class),
        Arguments.of("merge-filestorage-client", FileStorageClient.class),
        Arguments.of("merge-agent-handler-client", AgentHandlerClient.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("artifacts")
  void thePublicApiIsTheCommittedOne(String artifact, Class<?> member) throws IOException, URISyntaxException {
    Path classes = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> actual = PublicApi.of(classes, member.getClassLoader());
    assertTrue(actual.size() > 10, "no API found in " + classes);
    Path baseline = Path.of(System.getProperty("api.baseline.dir", "api")).resolve(artifact + ".api");
    if (Boolean.getBoolean("api.update") || !Files.exists(baseline)) {
      if (!Boolean.getBoolean("api.update")) {
        fail("no baseline " + baseline.toAbsolutePath() + ": record it with -Dapi.update=true and commit it");
      }
      Files.createDirectories(baseline.getParent());
      Files.write(baseline, actual, StandardCharsets.UTF_8);
      return;
    }
    List<String> expected = Files.readAllLines(baseline, StandardCharsets.UTF_8);
    Set<String> removed = new LinkedHashSet<>(expected);
    removed.removeAll(actual);
    Set<String> added = new LinkedHashSet<>(actual);
    added.removeAll(expected);
    if (!removed.isEmpty() || !added.isEmpty()) {
      List<String> report = new ArrayList<>();
      report.add("the public API of " + artifact + " changed (" + removed.size() + " removed or changed, "
          + added.size() + " added); if intended, rerun with -Dapi.update=true and commit " + baseline + ":");
      removed.forEach(line -> report.add("- " + line));
      added.forEach(line -> report.add("+ " + line));
      fail(String.join("\n", report));
    }
  }
}
