package dev.mergesdk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which operations of each spec the tests in this JVM exercised through a {@link ContractDispatcher} or a
 * {@link MergeMock}. A test class that runs last can then fail when an operation has no contract test.
 */
public final class ContractCoverage {
  private static final Map<String, Set<String>> EXERCISED = new ConcurrentHashMap<>();

  private ContractCoverage() {
  }

  static void record(ApiSpec spec, String operationId) {
    EXERCISED.computeIfAbsent(spec.name(), k -> ConcurrentHashMap.newKeySet()).add(operationId);
  }

  /**
   * @param spec a spec
   * @return the operationIds exercised so far in this JVM, sorted
   */
  public static Set<String> exercised(ApiSpec spec) {
    return new TreeSet<>(EXERCISED.getOrDefault(spec.name(), Set.of()));
  }

  /**
   * @param spec a spec
   * @return the operations of the spec not exercised so far, in document order
   */
  public static List<SpecOperation> missing(ApiSpec spec) {
    Set<String> done = EXERCISED.getOrDefault(spec.name(), Set.of());
    List<SpecOperation> missing = new ArrayList<>();
    for (SpecOperation op : spec.operations()) {
      if (!done.contains(op.operationId())) {
        missing.add(op);
      }
    }
    return missing;
  }

  /**
   * Fails, listing them, when some operations of the spec were not exercised; also writes
   * {@code target/contract-coverage/NAME.txt} when run from a Maven module.
   *
   * @param spec a spec
   */
  public static void assertAllExercised(ApiSpec spec) {
    List<SpecOperation> missing = missing(spec);
    int total = spec.operations().size();
    StringBuilder report = new StringBuilder();
    report.append(spec.title()).append(": ").append(total - missing.size()).append(" of ").append(total)
        .append(" operations exercised by contract tests\n");
    missing.forEach(op -> report.append("  not exercised: ").append(op).append('\n'));
    Path target = Paths.get("target");
    if (Files.isDirectory(target)) {
      try {
        Path dir = Files.createDirectories(target.resolve("contract-coverage"));
        Files.writeString(dir.resolve(spec.name() + ".txt"), report);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    System.out.print("[contract-coverage] " + report);
    if (!missing.isEmpty()) {
      throw new AssertionError(missing.size() + " operation(s) of the " + spec.title() + " spec have no contract test"
          + " (a test that sends the request through the validating test server):\n" + report);
    }
  }
}
