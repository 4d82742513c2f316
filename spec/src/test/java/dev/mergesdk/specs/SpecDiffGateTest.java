package dev.mergesdk.specs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The breaking-change gate refuses what breaks clients and lets compatible changes through. */
class SpecDiffGateTest {
  @TempDir
  Path dir;

  private final String savedSpecDir = System.getProperty("spec.dir");

  @AfterEach
  void restore() {
    if (savedSpecDir == null) {
      System.clearProperty("spec.dir");
    } else {
      System.setProperty("spec.dir", savedSpecDir);
    }
  }

  private static String fixture() throws IOException {
    try (InputStream in = SpecDiffGateTest.class.getResourceAsStream("/lint/good.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Path rules() {
    return SpecFiles.dir().resolve("rules").resolve("openapi-diff.yaml");
  }

  private SpecDiffGate.Result diff(String from, String to) throws IOException {
    String base = fixture();
    assertTrue(base.contains(from), "fixture lacks " + from);
    Path oldSpec = Files.writeString(dir.resolve("old.yaml"), base);
    Path newSpec = Files.writeString(dir.resolve("new.yaml"), base.replace(from, to));
    return SpecDiffGate.compare(oldSpec, newSpec, rules());
  }

  @Test
  void aRemovedOperationIsIncompatible() throws IOException {
    String fixture = fixture();
    String operation = fixture.substring(fixture.indexOf("  /things/{id}:"), fixture.indexOf("components:"));
    SpecDiffGate.Result result = diff(operation, "  /other:\n    get:\n      operationId: other\n      tags: [Other]\n"
        + "      summary: Other\n      responses:\n        \"204\": {description: None.}\n");
    assertTrue(result.diff.isIncompatible(), result.console);
    assertTrue(result.markdown.contains("/things/{id}"), result.markdown);
  }

  @Test
  void aNewRequiredResponseFieldGoneOrANewRequiredParameterIsIncompatible() throws IOException {
    assertTrue(diff("      required: [name]\n      properties:\n        id: {type: string, format: uuid, readOnly: true}\n"
        + "        name: {type: string}\n", "      properties:\n        id: {type: string, format: uuid, readOnly: true}\n")
        .diff.isIncompatible());
    assertTrue(diff("      parameters:\n", "      parameters:\n        - {name: q, in: query, required: true, schema: {type: string}}\n")
        .diff.isIncompatible());
  }

  @Test
  void additionsAreCompatible() throws IOException {
    SpecDiffGate.Result result = diff("        size: {type: integer, nullable: true}\n",
        "        size: {type: integer, nullable: true}\n        color: {type: string}\n");
    assertTrue(result.diff.isDifferent());
    assertFalse(result.diff.isIncompatible(), result.console);
  }

  @Test
  void aNewResponseEnumValueIsCompatibleBecauseOurEnumsAreOpen() throws IOException {
    String from = "enum: [small, large]";
    String to = "enum: [small, large, huge]";
    assertFalse(diff(from, to).diff.isIncompatible(), "spec/rules/openapi-diff.yaml should switch the rule off");
    // Without our rules file the library calls it breaking: the switch is what makes the difference.
    String base = fixture();
    Path oldSpec = Files.writeString(dir.resolve("a.yaml"), base);
    Path newSpec = Files.writeString(dir.resolve("b.yaml"), base.replace(from, to));
    assertTrue(SpecDiffGate.compare(oldSpec, newSpec, null).diff.isIncompatible());
  }

  @Test
  void theGateFailsTheBuildUnlessTheReleaseIsMarkedBreaking() throws IOException {
    Path module = Files.createDirectories(dir.resolve("spec"));
    Files.writeString(module.resolve("pom.xml"), "<project/>");
    Files.createDirectories(module.resolve("baseline"));
    Files.createDirectories(module.resolve("rules"));
    Files.copy(rules(), module.resolve("rules").resolve("openapi-diff.yaml"));
    String base = fixture();
    Files.writeString(module.resolve("baseline").resolve("things.yaml"), base);
    Files.writeString(module.resolve("things.yaml"), base.replace("      required: [name]\n", "      required: [name, size]\n")
        .replace("        - {name: id, in: path", "        - {name: lang, in: query, required: true, schema: {type: string}}\n"
            + "        - {name: id, in: path"));
    String[] args = {module.toString(), dir.resolve("out").toString(), "false"};
    java.io.PrintStream console = System.out;
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8)); // keep the build log clean
    try {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> SpecDiffGate.main(args));
      assertTrue(e.getMessage().contains("incompatible API change in [things]"), e.getMessage());
      assertTrue(Files.readString(dir.resolve("out").resolve("things.md")).contains("lang"));
      args[2] = "true";
      assertDoesNotThrow(() -> SpecDiffGate.main(args));
    } finally {
      System.setOut(console);
    }
    String output = printed.toString(StandardCharsets.UTF_8);
    assertTrue(output.contains("spec/things.yaml: INCOMPATIBLE"), output);
    assertTrue(output.contains("Add lang in query"), output);
    assertTrue(output.contains("accepted: the release is marked breaking"), output);
  }
}
