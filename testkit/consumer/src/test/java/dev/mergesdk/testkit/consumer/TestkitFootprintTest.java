package dev.mergesdk.testkit.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the testkit adds to the test classpath of a project that already has both clients and JUnit, measured on
 * this project's own classpath (written by the dependency plugin before the tests run), is what the README says.
 */
class TestkitFootprintTest {
  private static final String TESTKIT = "dev.mergesdk:merge-sdk-testkit";
  private static final Pattern README_FIGURES = Pattern.compile("adds\\s+(\\d+)\\s+jars\\s+\\((\\d+\\.\\d)\\s+MB\\)");
  private static final Pattern TREE_NODE = Pattern.compile("^([| ]*)[+\\\\]- \\(?([^:\\s]+):([^:\\s]+):");

  /**
   * Every artifact each direct dependency brings, by {@code groupId:artifactId}. The verbose tree lists a repeated
   * artifact without its children, so children are looked up where the artifact was expanded.
   */
  private static Map<String, Set<String>> closures(List<String> tree) {
    Map<String, Set<String>> children = new HashMap<>();
    List<String> direct = new ArrayList<>();
    List<String> path = new ArrayList<>();
    for (String line : tree) {
      Matcher m = TREE_NODE.matcher(line);
      if (!m.find()) {
        continue;
      }
      String artifact = m.group(2) + ":" + m.group(3);
      int depth = m.group(1).length() / 3;
      path.subList(depth, path.size()).clear();
      if (depth == 0) {
        direct.add(artifact);
      } else {
        children.computeIfAbsent(path.get(depth - 1), k -> new LinkedHashSet<>()).add(artifact);
      }
      path.add(artifact);
    }
    Map<String, Set<String>> closures = new LinkedHashMap<>();
    for (String artifact : direct) {
      Set<String> closure = new LinkedHashSet<>();
      List<String> todo = new ArrayList<>(List.of(artifact));
      while (!todo.isEmpty()) {
        String next = todo.remove(todo.size() - 1);
        if (closure.add(next)) {
          todo.addAll(children.getOrDefault(next, Set.of()));
        }
      }
      closures.put(artifact, closure);
    }
    return closures;
  }

  /** The file of every artifact on the test classpath, by {@code groupId:artifactId}. */
  private static Map<String, Path> files(List<String> list) {
    Map<String, Path> files = new HashMap<>();
    for (String line : list) {
      String[] parts = line.trim().split(":");
      int path = line.indexOf(":/");
      if (parts.length > 5 && path > 0) {
        files.put(parts[0] + ":" + parts[1], Path.of(line.substring(path + 1).replaceFirst(" -- .*$", "").trim()));
      }
    }
    return files;
  }

  private static long size(Path file) {
    try (Stream<Path> all = Files.isDirectory(file) ? Files.walk(file) : Stream.of(file)) {
      return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }  catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theReadmeStatesHowManyJarsAndMegabytesTheTestkitAdds() throws IOException {
    Path footprint = Path.of("target", "footprint");
    Map<String, Set<String>> closures = closures(Files.readAllLines(footprint.resolve("dependency-tree.txt")));
    Map<String, Path> files = files(Files.readAllLines(footprint.resolve("test-classpath.txt")));
    assertTrue(closures.containsKey(TESTKIT), "the testkit is a direct dependency: " + closures.keySet());

    Set<String> added = new LinkedHashSet<>(closures.get(TESTKIT));
    closures.forEach((direct, closure) -> {
      if (!direct.equals(TESTKIT)) {
        added.removeAll(closure);
      }
    });
    List<String> missing = new ArrayList<>();
    long bytes = 0;
    for (String artifact : added) {
      Path file = files.get(artifact);
      if (file == null) {
        missing.add(artifact);
      } else {
        bytes += size(file);
      }
    }
    assertEquals(List.of(), missing, "artifacts of the tree that are not on the test classpath");
    String measured = String.format(Locale.ROOT, "adds %d jars (%.1f MB)", added.size(), bytes / 1e6);
    System.out.println("[testkit-footprint] the testkit " + measured + ": " + added);

    String readme = Files.readString(Path.of("..", "..", "README.md"));
    Matcher stated = README_FIGURES.matcher(readme);
    assertTrue(stated.find(), "the README states no figures like '" + measured + "'");
    assertEquals(added.size(), Integer.parseInt(stated.group(1)), "jars; measured: " + measured);
    // Our own jars grow a little with every change; a tenth of a megabyte either way is still the same claim.
    assertEquals(bytes / 1e6, Double.parseDouble(stated.group(2)), 0.1, "megabytes; measured: " + measured);
  }
}
