package dev.mergesdk.specs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the specs of this module: every {@code spec/*.yaml}, named by its file name without extension. Hidden files
 * (the Spectral ruleset {@code .spectral.yaml}) are configuration, not specs.
 */
final class SpecFiles {
  private SpecFiles() {
  }

  /** @return the spec module's directory ({@code spec/}), from the build or the working directory */
  static Path dir() {
    String configured = System.getProperty("spec.dir");
    Path dir = configured != null ? Paths.get(configured) : Paths.get("").toAbsolutePath();
    if (!Files.isRegularFile(dir.resolve("pom.xml")) || !Files.isDirectory(dir.resolve("baseline"))) {
      throw new IllegalStateException("not the spec module directory: " + dir);
    }
    return dir;
  }

  /** @return the names of the specs, e.g. {@code filestorage}, {@code agent-handler} */
  static List<String> names() {
    try (Stream<Path> files = Files.list(dir())) {
      List<String> names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") && !n.startsWith("."))
          .map(n -> n.substring(0, n.length() - ".yaml".length()))
          .sorted()
          .collect(Collectors.toList());
      if (names.isEmpty()) {
        throw new IllegalStateException("no spec/*.yaml found in " + dir());
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path spec(String name) {
    return dir().resolve(name + ".yaml");
  }

  static Path baseline(String name) {
    return dir().resolve("baseline").resolve(name + ".yaml");
  }

  static Path operationIds(String name) {
    return dir().resolve("operation-ids").resolve(name + ".txt");
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses with references resolved within the document (components kept as references). */
  static SwaggerParseResult parse(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(yaml, null, options);
  }

  static OpenAPI parseOrFail(String name) {
    SwaggerParseResult result = parse(read(spec(name)));
    if (result.getOpenAPI() == null) {
      throw new AssertionError(name + ".yaml does not parse: " + result.getMessages());
    }
    return result.getOpenAPI();
  }
}
