package dev.mergesdk.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The house rules Spectral cannot check (see {@link SpecLinter}; the others are in spec/.spectral.yaml), applied to
 * every {@code spec/*.yaml}; and proof that each rule catches what it should.
 */
class SpecLintTest {
  static Stream<String> specs() {
    return SpecFiles.names().stream();
  }

  @ParameterizedTest(name = "{0}.yaml follows the house rules")
  @MethodSource("specs")
  void followsTheHouseRules(String name) {
    List<String> problems = SpecLinter.lint(SpecFiles.read(SpecFiles.spec(name)));
    if (!problems.isEmpty()) {
      fail(problems.size() + " problem(s) in spec/" + name + ".yaml:\n  - " + String.join("\n  - ", problems));
    }
  }

  /**
   * operationIds are public API (they name the SDK's methods): spec/operation-ids/NAME.txt lists them, and an id
   * may only disappear (or be renamed) in the same change that removes it from the list.
   */
  @ParameterizedTest(name = "{0}.yaml keeps its operationIds")
  @MethodSource("specs")
  void keepsItsOperationIds(String name) throws IOException {
    OpenAPI api = SpecFiles.parseOrFail(name);
    Set<String> current = new LinkedHashSet<>();
    api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> current.add(op.getOperationId())));
    java.nio.file.Path listFile = SpecFiles.operationIds(name);
    assertTrue(Files.isRegularFile(listFile), "missing " + listFile + ": create it with one operationId a line");
    Set<String> listed = Files.readAllLines(listFile).stream().map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toCollection(LinkedHashSet::new));
    List<String> problems = new ArrayList<>();
    listed.stream().filter(id -> !current.contains(id)).forEach(id -> problems.add("operationId " + id
        + " disappeared or was renamed: a breaking change; restore it, or remove it from the list as part of a"
        + " breaking release"));
    current.stream().filter(id -> !listed.contains(id)).forEach(id -> problems.add("new operationId " + id
        + ": add it to the list (ids are public API once released)"));
    if (!problems.isEmpty()) {
      fail("spec/" + name + ".yaml vs spec/operation-ids/" + name + ".txt:\n  - " + String.join("\n  - ", problems));
    }
  }

  // ---- The linter itself: every rule fires on a spec that breaks it. ----

  private static String fixture() throws IOException {
    try (InputStream in = SpecLintTest.class.getResourceAsStream("/lint/good.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> lintEdited(String from, String to) throws IOException {
    String good = fixture();
    assertTrue(good.contains(from), "fixture lacks " + from);
    return SpecLinter.lint(good.replace(from, to));
  }

  private static void assertProblem(List<String> problems, String expected) {
    assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
        "expected a problem containing '" + expected + "', got " + problems);
  }

  @Test
  void theFixtureIsClean() throws IOException {
    assertEquals(List.of(), SpecLinter.lint(fixture()));
  }

  @Test
  void invalidOpenApi() throws IOException {
    assertProblem(lintEdited("        \"200\":\n          description: The thing.\n", "        \"200\":\n"),
        "not valid OpenAPI");
  }

  @Test
  void schemasNotReachableFromPathsAreUnused() throws IOException {
    assertProblem(lintEdited("    Error:\n      type: object\n", "    Orphan: {type: string}\n    Error:\n      type: object\n"),
        "components.schemas.Orphan: unused");
    // Referred to, but only by each other: Spectral's oas3-unused-component lets these pass.
    List<String> problems = lintEdited("    Error:\n      type: object\n",
        "    Left: {type: object, properties: {right: {$ref: '#/components/schemas/Right'}}}\n"
            + "    Right: {type: object, properties: {left: {$ref: '#/components/schemas/Left'}}}\n"
            + "    Error:\n      type: object\n");
    assertProblem(problems, "components.schemas.Left: unused");
    assertProblem(problems, "components.schemas.Right: unused");
  }

  @Test
  void aSchemaOnlyAWebhookRefersToIsUsed() throws IOException {
    String webhook = fixture().replace("    Error:\n      type: object\n",
        "    Event: {type: object, properties: {name: {type: string}}}\n    Error:\n      type: object\n")
        + "x-webhooks:\n  thing:\n    post:\n      requestBody:\n        content:\n          application/json:\n"
        + "            schema: {$ref: '#/components/schemas/Event'}\n      responses:\n        \"200\": {description: OK.}\n";
    assertEquals(List.of(), SpecLinter.lint(webhook));
  }

  @Test
  void examples() throws IOException {
    assertProblem(lintEdited("name: Widget, size: 3}", "name: Widget, size: three}"),
        "GET /things/{id} response 200 example does not match its schema");
    assertProblem(lintEdited("id: 6b0f8e2a-5c34-4c8e-9c1e-0a1b2c3d4e5f, name: Widget", "id: x"),
        "does not match its schema");
    assertProblem(lintEdited("example: 6b0f8e2a-5c34-4c8e-9c1e-0a1b2c3d4e5f}", "example: 12}"),
        "parameter id example does not match its schema");
  }
}
