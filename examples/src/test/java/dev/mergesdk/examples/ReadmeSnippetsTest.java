package dev.mergesdk.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReadmeSnippetsTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  /** Where the README's Java comes from: usage snippets compiled, testkit snippets compiled and run as tests. */
  private static final List<Path> SOURCES = List.of(
      Path.of("src/main/java/dev/mergesdk/examples/ReadmeSnippets.java"),
      Path.of("src/test/java/dev/mergesdk/examples/TestkitExampleTest.java"));

  private static String normalized(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }

  @Test
  void everyJavaSnippetInTheReadmeIsCompiledCodeInReadmeSnippetsOrTheTestkitExample() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> sources = new ArrayList<>();
    for (Path source : SOURCES) {
      sources.add(normalized(Files.readString(source)));
    }
    Matcher blocks = JAVA_BLOCK.matcher(readme);
    List<String> missing = new ArrayList<>();
    int count = 0;
    while (blocks.find()) {
      count++;
      String block = normalized(blocks.group(1));
      if (sources.stream().noneMatch(source -> source.contains(block))) {
        missing.add(block.length() > 80 ? block.substring(0, 80) + "..." : block);
      }
    }
    assertTrue(count >= 15, "expected the README's usage and testkit snippets, found " + count);
    assertTrue(missing.isEmpty(), "README snippets not found verbatim in " + SOURCES + ": " + missing);
  }
}
