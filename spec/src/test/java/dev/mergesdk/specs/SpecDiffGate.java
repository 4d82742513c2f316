package dev.mergesdk.specs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;
import org.openapitools.openapidiff.core.output.MarkdownRender;
import org.openapitools.openapidiff.core.output.Render;

/**
 * The breaking-change gate, run by the spec module in {@code verify}: compares spec/baseline/NAME.yaml (the last
 * released spec) with spec/NAME.yaml using openapi-diff, prints the changes, writes them to
 * {@code target/openapi-diff/NAME.md} and {@code NAME.txt}, and fails on an incompatible change unless the release
 * is marked breaking ({@code -Dspec.breaking=true}). The rules are tuned in spec/rules/openapi-diff.yaml.
 */
public final class SpecDiffGate {
  private SpecDiffGate() {
  }

  /** The outcome for one spec. */
  static final class Result {
    final ChangedOpenApi diff;
    final String console;
    final String markdown;

    Result(ChangedOpenApi diff, String console, String markdown) {
      this.diff = diff;
      this.console = console;
      this.markdown = markdown;
    }
  }

  /**
   * Runs the gate.
   *
   * @param args the spec module directory, the output directory, whether breaking changes are allowed, and
   *     optionally {@code log-level=N} with Maven's log level (0 debug, 1 info, 2 warnings, 3 errors: {@code -q});
   *     above info, only an incompatible change is reported
   */
  public static void main(String[] args) throws IOException {
    Path specDir = Paths.get(args[0]);
    Path out = Paths.get(args[1]);
    boolean breakingAllowed = Boolean.parseBoolean(args[2]);
    boolean quiet = args.length > 3 && Integer.parseInt(args[3].substring(args[3].indexOf('=') + 1)) > 1;
    System.setProperty("spec.dir", specDir.toString());
    Files.createDirectories(out);
    List<String> incompatible = new ArrayList<>();
    for (String name : SpecFiles.names()) {
      Path baseline = SpecFiles.baseline(name);
      if (!Files.isRegularFile(baseline)) {
        throw new IllegalStateException("no baseline for spec/" + name + ".yaml: copy the released spec to " + baseline);
      }
      Result result = compare(baseline, SpecFiles.spec(name), specDir.resolve("rules").resolve("openapi-diff.yaml"));
      Files.writeString(out.resolve(name + ".md"), result.markdown);
      Files.writeString(out.resolve(name + ".txt"), result.console);
      String verdict = result.diff.isIncompatible() ? "INCOMPATIBLE"
          : result.diff.isDifferent() ? "compatible changes" : "no changes";
      if (!quiet) {
        System.out.println("[openapi-diff] spec/baseline/" + name + ".yaml -> spec/" + name + ".yaml: " + verdict
            + " (report: " + out.resolve(name + ".md") + ")");
      }
      if (result.diff.isIncompatible() || !quiet && result.diff.isDifferent()) {
        System.out.println(result.console);
      }
      if (result.diff.isIncompatible()) {
        incompatible.add(name);
      }
    }
    if (!incompatible.isEmpty()) {
      if (breakingAllowed) {
        // Printed even when quiet: a release that breaks the API says so.
        System.out.println("[openapi-diff] incompatible changes in " + incompatible
            + " accepted: the release is marked breaking (-Dspec.breaking=true)");
      } else {
        throw new IllegalStateException("[openapi-diff] incompatible API change in " + incompatible
            + " (see above and target/openapi-diff/). Make the change compatible, or mark the release breaking with"
            + " -Dspec.breaking=true and bump the major version (README: Changing a spec).");
      }
    }
  }

  /** Compares two spec files with the rules in {@code config} (when it exists). */
  static Result compare(Path oldSpec, Path newSpec, Path config) throws IOException {
    OpenApiDiffOptions.Builder options = OpenApiDiffOptions.builder();
    if (config != null && Files.isRegularFile(config)) {
      options.configYaml(config.toFile());
    }
    ChangedOpenApi diff = OpenApiCompare.fromContents(Files.readString(oldSpec), Files.readString(newSpec), null,
        options.build());
    return new Result(diff, render(new ConsoleRender(), diff), render(new MarkdownRender(), diff));
  }

  private static String render(Render render, ChangedOpenApi diff) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      render.render(diff, writer);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
