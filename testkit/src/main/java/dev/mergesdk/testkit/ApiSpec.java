package dev.mergesdk.testkit;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One of the API specs shipped in {@code merge-sdk-specs}, parsed once per JVM: its operations, its base path and
 * the examples it declares.
 */
public final class ApiSpec {
  /** Where the specs artifact keeps the YAML files on the classpath. */
  public static final String RESOURCE_DIR = "dev/mergesdk/specs/";

  private static final Map<String, ApiSpec> CACHE = new ConcurrentHashMap<>();

  static {
    QuietSlf4j.whenNoProvider(); // before the parser's first log statement
  }

  private final String name;
  private final String yaml;
  private final OpenAPI openApi;
  private final String basePath;
  private final List<SpecOperation> operations;

  private ApiSpec(String name, String yaml) {
    this.name = name;
    this.yaml = yaml;
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
    if (result.getOpenAPI() == null) {
      throw new IllegalStateException("spec " + name + " does not parse: " + result.getMessages());
    }
    this.openApi = result.getOpenAPI();
    this.basePath = basePathOf(openApi);
    List<SpecOperation> ops = new ArrayList<>();
    openApi.getPaths().forEach((path, item) -> {
      for (Map.Entry<PathItem.HttpMethod, Operation> e : item.readOperationsMap().entrySet()) {
        ops.add(new SpecOperation(this, e.getKey().name(), path, item, e.getValue()));
      }
    });
    this.operations = Collections.unmodifiableList(ops);
  }

  /** {@return the Merge File Storage spec ({@code dev/mergesdk/specs/filestorage.yaml})} */
  public static ApiSpec fileStorage() {
    return named("filestorage");
  }

  /** {@return the Merge Agent Handler spec ({@code dev/mergesdk/specs/agent-handler.yaml})} */
  public static ApiSpec agentHandler() {
    return named("agent-handler");
  }

  /**
   * @param name the spec's file name without {@code .yaml}, under {@link #RESOURCE_DIR} on the classpath
   * @return the spec, parsed once per JVM
   */
  public static ApiSpec named(String name) {
    return CACHE.computeIfAbsent(name, n -> new ApiSpec(n, load(RESOURCE_DIR + n + ".yaml")));
  }

  /**
   * @param name a name for messages
   * @param yaml the spec's text
   * @return the spec (not cached)
   */
  public static ApiSpec of(String name, String yaml) {
    return new ApiSpec(name, yaml);
  }

  private static String load(String resource) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ApiSpec.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no spec " + resource + " on the classpath (merge-sdk-specs missing?)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String basePathOf(OpenAPI api) {
    if (api.getServers() == null || api.getServers().isEmpty()) {
      return "";
    }
    String path = URI.create(api.getServers().get(0).getUrl()).getPath();
    if (path == null || path.equals("/")) {
      return "";
    }
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** {@return the spec's short name, e.g. {@code filestorage}} */
  public String name() {
    return name;
  }

  /** {@return the API's title from {@code info.title}} */
  public String title() {
    return openApi.getInfo() != null && openApi.getInfo().getTitle() != null ? openApi.getInfo().getTitle() : name;
  }

  /** {@return the path of the spec's first server URL, without a trailing slash, e.g. {@code /api/filestorage/v1}} */
  public String basePath() {
    return basePath;
  }

  /** {@return the spec's text} */
  public String yaml() {
    return yaml;
  }

  /** {@return the parsed spec (references kept)} */
  public OpenAPI openApi() {
    return openApi;
  }

  /** {@return every operation, in document order} */
  public List<SpecOperation> operations() {
    return operations;
  }

  /**
   * @param operationId an operationId
   * @return the operation
   * @throws IllegalArgumentException when the spec has no such operation
   */
  public SpecOperation operation(String operationId) {
    for (SpecOperation op : operations) {
      if (op.operationId().equals(operationId)) {
        return op;
      }
    }
    String group = operationId == null ? "" : operationId.replaceFirst("_.*$", "") + "_";
    List<String> near = new ArrayList<>();
    operations.stream().map(SpecOperation::operationId).filter(id -> id.startsWith(group)).forEach(near::add);
    throw new IllegalArgumentException("the " + title() + " spec has no operation " + operationId + (near.isEmpty()
        ? "; its operations are " + operations.stream().map(SpecOperation::operationId).collect(Collectors.toList())
        : "; its " + group + " operations are " + near));
  }

  /**
   * Finds the operation a request is for.
   *
   * @param method the HTTP method
   * @param path the request's encoded path, with the base path (e.g. {@code /api/filestorage/v1/files/1})
   * @return the operation, or empty when none matches
   */
  public Optional<SpecOperation> find(String method, String path) {
    if (!path.startsWith(basePath)) {
      return Optional.empty();
    }
    String relative = path.substring(basePath.length());
    String m = method.toUpperCase(Locale.ROOT);
    SpecOperation best = null;
    for (SpecOperation op : operations) {
      // A literal segment beats a template segment (/files/search over /files/{id}).
      if (op.method().equals(m) && op.matches(relative) && (best == null || op.literalLength() > best.literalLength())) {
        best = op;
      }
    }
    return Optional.ofNullable(best);
  }

  @Override
  public String toString() {
    return title() + " (" + name + ".yaml, " + operations.size() + " operations)";
  }
}
