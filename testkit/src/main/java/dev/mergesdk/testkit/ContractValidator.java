package dev.mergesdk.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.Buffer;

/**
 * Checks a request (and the response served to it) against a spec with Atlassian's
 * {@code OpenApiInteractionValidator}. The base path comes from the spec's first server URL, so a request to
 * {@code /api/filestorage/v1/files} is checked against {@code /files}. Thread-safe; one per spec per JVM.
 */
public final class ContractValidator {
  /** The outcome for one exchange. */
  public static final class Result {
    private final SpecOperation operation;
    private final List<Violation> violations;

    Result(SpecOperation operation, List<Violation> violations) {
      this.operation = operation;
      this.violations = Collections.unmodifiableList(violations);
    }

    /** {@return the operation the request was for, if any matched} */
    public Optional<SpecOperation> operation() {
      return Optional.ofNullable(operation);
    }

    /** {@return the violations, empty when the exchange conforms} */
    public List<Violation> violations() {
      return violations;
    }
  }

  private static final Map<String, ContractValidator> CACHE = new ConcurrentHashMap<>();

  private final ApiSpec spec;
  private final OpenApiInteractionValidator validator;

  private ContractValidator(ApiSpec spec) {
    this.spec = spec;
    this.validator = OpenApiInteractionValidator.createFor(prepared(spec.yaml()))
        .withBasePathOverride(spec.basePath().isEmpty() ? "/" : spec.basePath())
        // Forward compatibility, as the SDK is built for it: a response may carry members and enum values the spec
        // does not list yet (models keep them in unknownFields(); enums are open). Same rule as
        // spec/rules/openapi-diff.yaml. Requests get no such leeway.
        .withLevelResolver(LevelResolver.create()
            .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
            .withLevel("validation.response.body.schema.enum", ValidationReport.Level.IGNORE)
            .build())
        .build();
  }

  /**
   * Prepares the spec for the validator: it only checks operation-level {@code security} (so the global requirement
   * is copied down to each operation), and it does not follow {@code $ref}s to components/responses, parameters
   * and requestBodies (so those are inlined; schemas stay references).
   */
  private static OpenAPI prepared(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    OpenAPI api = new OpenAPIV3Parser().readContents(yaml, null, options).getOpenAPI();
    Components c = api.getComponents() == null ? new Components() : api.getComponents();
    api.getPaths().values().forEach(item -> {
      if (item.getParameters() != null) {
        item.setParameters(item.getParameters().stream().map(p -> p.get$ref() == null ? p
            : component(c.getParameters(), p.get$ref(), p)).collect(Collectors.toList()));
      }
      item.readOperations().forEach(op -> {
        if (op.getSecurity() == null && api.getSecurity() != null && !api.getSecurity().isEmpty()) {
          op.setSecurity(api.getSecurity());
        }
        if (op.getParameters() != null) {
          op.setParameters(op.getParameters().stream().map(p -> p.get$ref() == null ? p
              : component(c.getParameters(), p.get$ref(), p)).collect(Collectors.toList()));
        }
        if (op.getRequestBody() != null && op.getRequestBody().get$ref() != null) {
          op.setRequestBody(component(c.getRequestBodies(), op.getRequestBody().get$ref(), op.getRequestBody()));
        }
        if (op.getResponses() != null) {
          op.getResponses().replaceAll((code, r) -> r.get$ref() == null ? r
              : component(c.getResponses(), r.get$ref(), r));
        }
      });
    });
    return api;
  }

  private static <T> T component(Map<String, T> components, String ref, T fallback) {
    T found = components == null ? null : components.get(ref.substring(ref.lastIndexOf('/') + 1));
    return found == null ? fallback : found;
  }

  /**
   * @param spec a spec
   * @return its validator, built once per JVM
   */
  public static ContractValidator of(ApiSpec spec) {
    return CACHE.computeIfAbsent(spec.name() + "@" + System.identityHashCode(spec), k -> new ContractValidator(spec));
  }

  /** {@return the spec} */
  public ApiSpec spec() {
    return spec;
  }

  /**
   * Validates a request and, when given, the response served to it.
   *
   * @param request what the client sent
   * @param response what the server answered, or {@code null} to check the request only
   * @return the operation matched and the violations found
   */
  public Result validate(RecordedRequest request, MockResponse response) {
    HttpUrl url = request.getUrl();
    String path = url.encodedPath();
    String target = request.getTarget();
    SpecOperation op = spec.find(request.getMethod(), path).orElse(null);
    String opId = op == null ? null : op.operationId();
    List<Violation> violations = new ArrayList<>();
    if (op == null) {
      violations.add(new Violation(null, request.getMethod(), target, "request", "validation.request.path.missing",
          "no operation of the spec matches " + request.getMethod() + " " + path + " (base path '" + spec.basePath()
              + "')"));
      return new Result(null, violations);
    }
    SimpleRequest.Builder req = new SimpleRequest.Builder(request.getMethod(), path);
    for (String name : url.queryParameterNames()) {
      List<String> values = new ArrayList<>();
      for (String v : url.queryParameterValues(name)) {
        values.add(v == null ? "" : v);
      }
      req.withQueryParam(name, values);
    }
    Headers headers = request.getHeaders();
    for (String name : headers.names()) {
      req.withHeader(name, headers.values(name));
    }
    if (request.getBody() != null && request.getBody().size() > 0) {
      req.withBody(request.getBody().toByteArray());
    }
    add(violations, validator.validateRequest(req.build()), op, request, "request");
    openOperationCredentials(op, request, violations);
    if (response != null) {
      SimpleResponse.Builder res = new SimpleResponse.Builder(response.getCode());
      for (String name : response.getHeaders().names()) {
        res.withHeader(name, response.getHeaders().values(name));
      }
      byte[] body = bodyOf(response);
      if (body != null && body.length > 0) {
        res.withBody(body);
      }
      Request.Method method = Request.Method.valueOf(request.getMethod().toUpperCase(Locale.ROOT));
      int before = violations.size();
      add(violations, validator.validateResponse(path, method, res.build()), op, request, "response");
      if (body == null) { // streamed by the test: status and headers were checked, the body cannot be
        violations.subList(before, violations.size()).removeIf(v -> v.key().equals("validation.response.body.missing"));
      }
    }
    return new Result(op, violations);
  }

  /**
   * A credential sent to an operation that needs none ({@code security: []}) is a violation: the SDK must not hand
   * the key to an endpoint that does not ask for it.
   */
  private static void openOperationCredentials(SpecOperation op, RecordedRequest request, List<Violation> into) {
    List<SecurityRequirement> security = op.operation().getSecurity();
    if (security == null || !security.isEmpty()) {
      return;
    }
    for (String header : List.of("Authorization", "X-Account-Token")) {
      if (request.getHeaders().get(header) != null) {
        into.add(new Violation(op.operationId(), request.getMethod(), request.getTarget(), "request",
            "validation.request.security.unexpected",
            "the operation needs no credential (security: []), yet the request carries " + header));
      }
    }
  }

  /** {@return the operation's security requirements, as the credentials they ask for} */
  private static String securityOf(SpecOperation op) {
    OpenAPI api = op.spec().openApi();
    List<SecurityRequirement> requirements = op.operation().getSecurity() != null ? op.operation().getSecurity()
        : api.getSecurity();
    if (requirements == null || requirements.isEmpty()) {
      return "nothing";
    }
    Map<String, SecurityScheme> schemes = api.getComponents() == null || api.getComponents().getSecuritySchemes() == null
        ? Map.of() : api.getComponents().getSecuritySchemes();
    List<String> alternatives = new ArrayList<>();
    for (SecurityRequirement requirement : requirements) {
      List<String> all = new ArrayList<>();
      for (String name : requirement.keySet()) {
        SecurityScheme scheme = schemes.get(name);
        if (scheme == null) {
          all.add(name);
        } else if (scheme.getType() == SecurityScheme.Type.HTTP) {
          all.add(name + " (header Authorization: " + scheme.getScheme() + ")");
        } else if (scheme.getType() == SecurityScheme.Type.APIKEY) {
          all.add(name + " (" + scheme.getIn() + " " + scheme.getName() + ")");
        } else {
          all.add(name + " (" + scheme.getType() + ")");
        }
      }
      alternatives.add(String.join(" and ", all));
    }
    return String.join(", or ", alternatives);
  }

  /**
   * @return the body of a response built from a string or buffer; {@code null} for a body the test streams itself
   *     (reading it here could block the server until the client reads, which is what such tests check)
   */
  private static byte[] bodyOf(MockResponse response) {
    if (response.getBody() == null) {
      return new byte[0];
    }
    if (!response.getBody().getClass().getName().equals("mockwebserver3.internal.BufferMockResponseBody")) {
      return null;
    }
    try (Buffer buffer = new Buffer()) {
      response.getBody().writeTo(buffer); // copies; the buffer body can be written again
      return buffer.readByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the mock response's body", e);
    }
  }

  private static void add(List<Violation> into, ValidationReport report, SpecOperation op, RecordedRequest request,
      String side) {
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      StringBuilder text = new StringBuilder(m.getMessage().replace('\n', ' '));
      for (String info : m.getAdditionalInfo()) {
        text.append("; ").append(info.replace('\n', ' '));
      }
      if (m.getKey().startsWith("validation.request.security")) {
        text.append("; the spec requires ").append(securityOf(op));
      }
      into.add(new Violation(op.operationId(), request.getMethod(), request.getTarget(), side, m.getKey(),
          text.toString()));
    }
  }
}
