package dev.mergesdk.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** This reactor, as built: a release would put on Maven Central only artifacts Central accepts. */
class ReleaseReadinessTest {
  private final Path root = Path.of(System.getProperty("merge.root"));

  @Test
  void everyPublishedArtifactHasWhatMavenCentralRequires() {
    List<String> problems = CentralRequirements.problems(root);

    assertEquals(List.of(), problems, () -> "a release would fail or publish the wrong thing:\n  "
        + String.join("\n  ", problems));
  }

  @Test
  void theReleasePublishesTheLibrariesAndTheirPomsOnly() {
    List<String> published = CentralRequirements.published(root);

    assertFalse(published.isEmpty());
    for (String internal : List.of("merge-sdk-test-support", "merge-sdk-examples", "merge-sdk-benchmarks",
        "merge-sdk-testkit-tests", "merge-sdk-release-check", "merge-sdk-spring-boot-consumer")) {
      assertFalse(published.contains(internal), internal + " would be published: " + published);
    }
  }
}
