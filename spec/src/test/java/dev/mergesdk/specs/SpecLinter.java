package dev.mergesdk.specs;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The house rules Spectral cannot check, as a list of problems (empty when the spec is fine). Each problem names
 * where it is: {@code GET /files response 200 example does not match its schema: ...}. The other rules are in
 * {@code spec/.spectral.yaml}, run by {@code .ci/spectral-check}. Left here:
 *
 * <ul>
 *   <li>swagger-parser, which the generator and the testkit read the spec with, accepts it without a message;</li>
 *   <li>every example passes the Atlassian validator, the engine of the testkit's contract checks, which serves
 *       these examples. It reads OpenAPI 3.0 differently from Spectral in places (it adds null to the enum of a
 *       nullable schema), so both must accept each example;</li>
 *   <li>every schema is reachable from {@code paths}: Spectral's oas3-unused-component only asks whether anything
 *       refers to a component, so unused schemas that refer to each other pass it.</li>
 * </ul>
 */
final class SpecLinter {
  private static final String SCHEMAS = "#/components/schemas/";

  private final List<String> problems = new ArrayList<>();
  private OpenAPI api;
  private SchemaValidator schemaValidator;

  private SpecLinter() {
  }

  /** @return every problem of the spec, in document order */
  static List<String> lint(String yaml) {
    SpecLinter linter = new SpecLinter();
    linter.run(yaml);
    return new ArrayList<>(new LinkedHashSet<>(linter.problems)); // one line per problem
  }

  private void run(String yaml) {
    SwaggerParseResult result = SpecFiles.parse(yaml);
    if (result.getMessages() != null) {
      result.getMessages().forEach(m -> problems.add("not valid OpenAPI: " + m));
    }
    api = result.getOpenAPI();
    if (api == null) {
      return;
    }
    schemaValidator = new SchemaValidator(api, new MessageResolver());
    if (api.getPaths() != null) {
      api.getPaths().forEach((path, item) -> item.readOperationsMap()
          .forEach((method, op) -> lintOperation(method + " " + path, op)));
    }
    if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
      api.getComponents().getSchemas().forEach((name, schema) -> {
        if (schema.getExample() != null) {
          validateExample("components.schemas." + name + ".example", schema.getExample(), schema);
        }
      });
    }
    unusedSchemas(yaml);
  }

  private void lintOperation(String where, Operation op) {
    if (op.getParameters() != null) {
      for (Parameter p : op.getParameters()) {
        Parameter param = resolve(p);
        if (param == null) {
          problems.add(where + ": parameter " + p.get$ref() + " not found");
          continue;
        }
        String at = where + " parameter " + param.getName();
        if (param.getExample() != null && param.getSchema() != null) {
          validateExample(at + " example", param.getExample(), param.getSchema());
        }
        examples(at, param.getExamples(), param.getSchema());
      }
    }
    if (op.getRequestBody() != null) {
      RequestBody body = resolve(op.getRequestBody());
      if (body != null) {
        jsonExamples(where + " request body", body.getContent());
      }
    }
    if (op.getResponses() != null) {
      op.getResponses().forEach((code, r) -> {
        ApiResponse response = resolve(r);
        if (response == null) {
          problems.add(where + " response " + code + ": " + r.get$ref() + " not found");
        } else {
          jsonExamples(where + " response " + code, response.getContent());
        }
      });
    }
  }

  /** Every example of a JSON body must match its schema. */
  private void jsonExamples(String where, Content content) {
    if (content == null) {
      return;
    }
    content.forEach((type, media) -> {
      if (!isJson(type) || media.getSchema() == null) {
        return;
      }
      if (media.getExample() != null) {
        validateExample(where + " example", media.getExample(), media.getSchema());
      }
      examples(where, media.getExamples(), media.getSchema());
    });
  }

  private void examples(String where, Map<String, Example> examples, Schema<?> schema) {
    if (examples == null || schema == null) {
      return;
    }
    examples.forEach((key, e) -> {
      Example example = e.get$ref() != null ? component(api.getComponents().getExamples(), e.get$ref()) : e;
      if (example == null) {
        problems.add(where + " examples." + key + ": " + e.get$ref() + " not found");
      } else if (example.getValue() != null) {
        validateExample(where + " examples." + key, example.getValue(), schema);
      }
    });
  }

  private void validateExample(String where, Object example, Schema<?> schema) {
    JsonNode node = example instanceof JsonNode ? (JsonNode) example : Json.mapper().valueToTree(example);
    ValidationReport report = schemaValidator.validate(() -> node, schema, "example");
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        problems.add(where + " does not match its schema: " + m.getMessage().replace('\n', ' '));
      }
    }
  }

  /** A schema is unused when nothing reachable from {@code paths} or {@code x-webhooks} refers to it. */
  private void unusedSchemas(String yaml) {
    JsonNode root;
    try {
      root = Yaml.mapper().readTree(yaml);
    } catch (JsonProcessingException e) {
      return; // the parser already reported it
    }
    JsonNode schemas = root.path("components").path("schemas");
    Set<String> reached = new LinkedHashSet<>();
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.add(root.path("paths"));
    // The webhooks the API sends (OpenAPI 3.0 has no webhooks section) describe their bodies with schemas too.
    todo.add(root.path("x-webhooks"));
    while (!todo.isEmpty()) {
      for (String ref : refs(todo.pop(), new ArrayList<>())) {
        if (ref.startsWith("#/components/") && reached.add(ref)) {
          String[] parts = ref.substring(2).split("/", 3);
          if (parts.length == 3) {
            todo.add(root.path(parts[0]).path(parts[1]).path(parts[2].replace("~1", "/").replace("~0", "~")));
          }
        }
      }
    }
    Set<String> unused = new TreeSet<>();
    schemas.fieldNames().forEachRemaining(name -> {
      if (!reached.contains(SCHEMAS + name)) {
        unused.add(name);
      }
    });
    unused.forEach(name -> problems.add("components.schemas." + name
        + ": unused (nothing under paths or x-webhooks refers to it)"));
  }

  private static List<String> refs(JsonNode node, List<String> into) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
          into.add(field.getValue().asText());
        } else if (field.getKey().equals("mapping") && field.getValue().isObject()) {
          field.getValue().forEach(v -> into.add(v.asText()));
        } else {
          refs(field.getValue(), into);
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> refs(n, into));
    }
    return into;
  }

  private Parameter resolve(Parameter p) {
    return p.get$ref() == null ? p : component(api.getComponents().getParameters(), p.get$ref());
  }

  private RequestBody resolve(RequestBody b) {
    return b.get$ref() == null ? b : component(api.getComponents().getRequestBodies(), b.get$ref());
  }

  private ApiResponse resolve(ApiResponse r) {
    return r.get$ref() == null ? r : component(api.getComponents().getResponses(), r.get$ref());
  }

  private static <T> T component(Map<String, T> components, String ref) {
    if (components == null) {
      return null;
    }
    return components.get(ref.substring(ref.lastIndexOf('/') + 1));
  }

  private static boolean isJson(String mediaType) {
    String type = mediaType.toLowerCase(java.util.Locale.ROOT);
    return type.startsWith("application/json") || type.contains("+json");
  }
}
