package dev.mergesdk.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local stand-in for a Merge API in your tests, in the spirit of stripe-mock. It answers every operation of the
 * spec with the spec's example, or with what you {@link #stub stub}; checks every request against the spec
 * (failing the test, naming the operation and the field, when one breaks it); records requests; injects faults.
 *
 * <pre>{@code
 * @RegisterExtension
 * static MergeMock fileStorage = MergeMock.fileStorage();
 *
 * @Test
 * void listsTheFilesOfALinkedAccount() {
 *   ExampleJson file = fileStorage.exampleItem("files_list");
 *   fileStorage.stub("files_list").respondPages(List.of(
 *       file.with("id", ExampleJson.uuid(1)), file.with("id", ExampleJson.uuid(2))), 2);
 *   try (FileStorageClient client = FileStorageClient.builder().apiKey("test-key").accountToken("test-account")
 *       .baseUrl(fileStorage.baseUrl()).build()) {
 *     assertEquals(2, client.files().list().stream().count());
 *   }
 *   assertEquals("test-account", fileStorage.lastRequest().header("X-Account-Token"));
 * }
 * }</pre>
 *
 * <p>Stubbed answers must satisfy the spec like the examples do: start them from the spec's example
 * ({@link #example}, {@link #exampleItem}, {@link Stub#respondExample(java.util.function.UnaryOperator)}). Unstubbed,
 * every operation answers as its contract accepts; the MCP endpoint echoes each JSON-RPC request's id with a
 * result shaped for its method.
 *
 * <p>As a static field the server lives for the test class; as an instance field, for one test. Stubs, faults,
 * recorded requests and violations are reset after every test. Without JUnit: {@link #start()} and
 * {@link #close()}.
 */
public final class MergeMock implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
    AutoCloseable {
  private final ApiSpec spec;
  private final ContractDispatcher contract;
  private final Map<String, Stub> stubs = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
  private final List<RecordedCall> calls = new ArrayList<>();
  private MockWebServer server;
  private boolean perClass;
  private boolean allowViolations;

  private MergeMock(ApiSpec spec) {
    this.spec = spec;
    this.contract = new ContractDispatcher(spec);
  }

  /** {@return a stand-in for Merge File Storage} */
  public static MergeMock fileStorage() {
    return new MergeMock(ApiSpec.fileStorage());
  }

  /** {@return a stand-in for Merge Agent Handler} */
  public static MergeMock agentHandler() {
    return new MergeMock(ApiSpec.agentHandler());
  }

  /**
   * @param spec any spec
   * @return a stand-in for the API it describes
   */
  public static MergeMock of(ApiSpec spec) {
    return new MergeMock(spec);
  }

  /**
   * Keeps violations from failing the test or turning requests into 400s; read them with {@link #violations()}.
   *
   * @return this mock
   */
  public MergeMock allowViolations() {
    this.allowViolations = true;
    return this;
  }

  // ---- Lifecycle ----

  /**
   * Starts the server on a free loopback port (JUnit does this for you).
   *
   * @return this mock
   */
  public synchronized MergeMock start() {
    if (server == null) {
      MockWebServer s = new MockWebServer();
      s.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return answer(request);
        }
      });
      try {
        s.start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the mock server", e);
      }
      server = s;
    }
    return this;
  }

  /** Stops the server. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (context.getExecutionException().isEmpty() && !allowViolations) {
        assertNoViolations();
      }
    } finally {
      reset();
      if (!perClass) {
        close();
      }
    }
  }

  /** Forgets stubs, pending faults, recorded requests and violations. */
  public void reset() {
    stubs.clear();
    faults.clear();
    synchronized (calls) {
      calls.clear();
    }
    contract.clearViolations();
  }

  // ---- Where it listens ----

  /** {@return the base URL to give the client's builder, e.g. {@code http://127.0.0.1:4711/api/filestorage/v1/}} */
  public String baseUrl() {
    return started().url(spec.basePath() + "/").toString();
  }

  /** {@return the spec it stands in for} */
  public ApiSpec spec() {
    return spec;
  }

  /** {@return the underlying server, for what this class does not cover} */
  public MockWebServer server() {
    return started();
  }

  private synchronized MockWebServer started() {
    if (server == null) {
      throw new IllegalStateException("the mock is not started: register it with @RegisterExtension, or call start()");
    }
    return server;
  }

  // ---- Stubs and faults ----

  /**
   * @param operationId an operation of the spec
   * @return its stub, created on first use; answer it with {@code respondJson}, {@code respondPages}, ...
   * @throws IllegalArgumentException when the spec has no such operation
   */
  public Stub stub(String operationId) {
    SpecOperation op = spec.operation(operationId);
    return stubs.computeIfAbsent(operationId, id -> new Stub(op));
  }

  /**
   * @param operationId an operation whose answer is JSON
   * @return the spec's example answer, to change into stub data with {@link ExampleJson#with}
   * @throws IllegalArgumentException when the spec has no such operation or it does not answer JSON
   */
  public ExampleJson example(String operationId) {
    return spec.operation(operationId).exampleJson();
  }

  /**
   * @param operationId a paged list operation, such as {@code files_list}
   * @return the first item of the spec's example page, to change into the items of
   *     {@link Stub#respondPages(List, int)}
   * @throws IllegalArgumentException when the spec has no such operation or it is not a paged list
   */
  public ExampleJson exampleItem(String operationId) {
    return spec.operation(operationId).exampleItem();
  }

  /**
   * Applies a fault to the next request, whatever its operation; several queue up in order.
   *
   * @param fault the failure
   * @return this mock
   */
  public MergeMock injectFault(Fault fault) {
    faults.add(fault);
    return this;
  }

  // ---- What it received ----

  /** {@return every request received since the last reset, in order} */
  public List<RecordedCall> requests() {
    synchronized (calls) {
      return new ArrayList<>(calls);
    }
  }

  /**
   * @param operationId an operation
   * @return the requests for it
   */
  public List<RecordedCall> requests(String operationId) {
    return requests().stream().filter(c -> operationId.equals(c.operationId())).collect(Collectors.toList());
  }

  /**
   * @return the last request received
   * @throws AssertionError when none was
   */
  public RecordedCall lastRequest() {
    List<RecordedCall> all = requests();
    if (all.isEmpty()) {
      throw new AssertionError("the " + spec.title() + " mock received no request");
    }
    return all.get(all.size() - 1);
  }

  /** {@return the contract violations so far (requests and stubbed responses that break the spec)} */
  public List<Violation> violations() {
    return contract.violations();
  }

  /**
   * Fails with every violation so far, then forgets them (JUnit calls this after each test).
   *
   * @throws ContractViolationError when there was any
   */
  public void assertNoViolations() {
    contract.assertNoViolations();
  }

  // ---- Answering ----

  private MockResponse answer(RecordedRequest request) {
    Optional<SpecOperation> op = spec.find(request.getMethod(), request.getUrl().encodedPath());
    synchronized (calls) {
      calls.add(new RecordedCall(op.map(SpecOperation::operationId).orElse(null), request, spec.basePath()));
    }
    if (op.isEmpty()) {
      ContractValidator.Result result = contract.check(request, null);
      return error(404, "merge-sdk-testkit: no operation of the " + spec.title() + " spec matches "
          + request.getMethod() + " " + request.getUrl().encodedPath() + " (base path " + spec.basePath() + "/). "
          + result.violations().get(0).message());
    }
    Fault fault = faults.poll();
    Stub stub = stubs.get(op.get().operationId());
    Stub.Answer answer = stub != null ? stub.next() : null;
    MockResponse response = answer != null ? answer.make(request) : defaultResponse(op.get(), request);
    boolean checkResponse = answer == null || answer.checked;
    if (fault != null) {
      response = fault.apply(response);
      checkResponse = false;
    }
    ContractValidator.Result result = contract.check(request, checkResponse ? response : null);
    List<Violation> requestViolations = result.violations().stream()
        .filter(v -> v.side().equals("request")).collect(Collectors.toList());
    if (!requestViolations.isEmpty() && !allowViolations) {
      return error(400, "merge-sdk-testkit: the request breaks the " + spec.title() + " spec: "
          + requestViolations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    }
    return response;
  }

  private static MockResponse error(int status, String detail) {
    ObjectNode body = Json.mapper().createObjectNode().put("detail", detail);
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
        .body(body.toString()).build();
  }

  /** What an operation answers unless stubbed: the spec's example; for a JSON-RPC request, its answer. */
  static MockResponse defaultResponse(SpecOperation op, RecordedRequest request) {
    SpecOperation.ExampleResponse example = op.exampleResponse();
    String body = example.body();
    if (example.contentType() != null && SpecOperation.isJson(example.contentType()) && request.getBody() != null) {
      body = McpAnswers.answer(request.getBody().toByteArray(), body).orElse(body);
    }
    MockResponse.Builder b = new MockResponse.Builder().code(example.status()).body(body);
    if (example.contentType() != null) {
      b.addHeader("Content-Type", example.contentType());
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "MergeMock(" + spec + (server == null ? ", stopped)" : ", " + baseUrl() + ")");
  }
}
