package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
 * <p>A test can also script the exchange step by step, as with a plain {@code MockWebServer}: answers
 * {@link #enqueue enqueued} go to the next requests in order, whatever their operation, and
 * {@link #takeRequest(String, String)} reads the requests back in the order they came, asserting the method and
 * target. With {@link #requireEveryRequestTaken()} a test fails when the client sent a request the test never
 * looked at.
 *
 * <pre>{@code
 * @RegisterExtension
 * final MergeMock fileStorage = MergeMock.fileStorage().fixtures("/fixtures/filestorage/").requireEveryRequestTaken();
 *
 * @Test
 * void aDriveIsFetchedById() {
 *   fileStorage.enqueueFixture(200, "drives_retrieve");
 *   try (FileStorageClient client = FileStorageClient.builder().apiKey("test-key").accountToken("test-account")
 *       .baseUrl(fileStorage.baseUrl()).build()) {
 *     client.drives().retrieve(ExampleJson.uuid(1)).execute();
 *   }
 *   fileStorage.takeRequestWithoutBody("GET", "/drives/" + ExampleJson.uuid(1));
 * }
 * }</pre>
 *
 * <p>As a static field the server lives for the test class; as an instance field, for one test. Stubs, faults,
 * enqueued answers, recorded requests and violations are reset after every test. Without JUnit: {@link #start()}
 * and {@link #close()}.
 */
public final class MergeMock implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
    AutoCloseable {
  private volatile Duration takeTimeout = Duration.ofSeconds(10);

  private final ApiSpec spec;
  private final ContractDispatcher contract;
  private final Map<String, Stub> stubs = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Stub.Answer> enqueued = new ConcurrentLinkedQueue<>();
  /** Guarded by itself, as are {@link #examined} and {@link #taken}. */
  private final List<RecordedCall> calls = new ArrayList<>();
  private final BitSet examined = new BitSet();
  private int taken;
  private final List<AutoCloseable> closeAfterTest = new ArrayList<>();
  private MockWebServer server;
  private boolean perClass;
  private boolean allowViolations;
  private boolean requireEveryRequestTaken;
  private String fixtureDirectory;
  private String expectedAuthorization;

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

  /**
   * Makes a test that otherwise passed fail when the mock received a request the test never examined, through
   * {@link #takeRequest()}, {@link #lastRequest()} or {@link #requests()}: every request the client sends is then
   * one the test meant.
   *
   * @return this mock
   */
  public MergeMock requireEveryRequestTaken() {
    this.requireEveryRequestTaken = true;
    return this;
  }

  /**
   * Sets the {@code Authorization} header that {@link #takeRequest(String, String)} asserts on every request it
   * takes, such as {@code "Bearer test-key"}.
   *
   * @param authorization the header value every taken request must carry
   * @return this mock
   */
  public MergeMock expectAuthorization(String authorization) {
    this.expectedAuthorization = authorization;
    return this;
  }

  /**
   * Sets where {@link #fixture} and {@link #enqueueFixture} find JSON files on the class path, such as
   * {@code "/fixtures/filestorage/"}.
   *
   * @param classpathDirectory a class path directory, ending in {@code /}
   * @return this mock
   */
  public MergeMock fixtures(String classpathDirectory) {
    this.fixtureDirectory = classpathDirectory;
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

  /** Closes what {@link #closeAfterTest} was given, and stops the server. */
  @Override
  public synchronized void close() {
    try {
      closeResources();
    } catch (Exception e) {
      throw new IllegalStateException("closing a resource of the test failed", e);
    }
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
  public void afterEach(ExtensionContext context) throws Exception {
    try {
      closeResources();
      if (context.getExecutionException().isEmpty() && !allowViolations) {
        assertNoViolations();
      }
      if (context.getExecutionException().isEmpty() && requireEveryRequestTaken) {
        assertEveryRequestTaken();
      }
    } finally {
      reset();
      if (!perClass) {
        close();
      }
    }
  }

  /** Forgets stubs, pending faults, enqueued answers, recorded requests and violations. */
  public void reset() {
    stubs.clear();
    faults.clear();
    enqueued.clear();
    synchronized (calls) {
      calls.clear();
      examined.clear();
      taken = 0;
    }
    contract.clearViolations();
  }

  /**
   * Closes {@code resource} after the current test (JUnit) or at {@link #close()}: for the clients a test builds
   * against this mock.
   *
   * @param <T> the resource's type
   * @param resource a client, say
   * @return {@code resource}
   */
  public <T extends AutoCloseable> T closeAfterTest(T resource) {
    synchronized (closeAfterTest) {
      closeAfterTest.add(resource);
    }
    return resource;
  }

  private void closeResources() throws Exception {
    List<AutoCloseable> toClose;
    synchronized (closeAfterTest) {
      toClose = new ArrayList<>(closeAfterTest);
      closeAfterTest.clear();
    }
    Exception failure = null;
    for (AutoCloseable resource : toClose) {
      try {
        resource.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
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

  /**
   * Answers the next request, whatever its operation, with {@code response}, checked against the spec like a
   * stubbed answer (a response that stops or stalls part way is not checked). Enqueued answers go in order and
   * before stubs and examples; an injected {@link Fault} still goes first.
   *
   * @param response the answer
   * @return this mock
   */
  public MergeMock enqueue(MockResponse response) {
    boolean cut = response.getOnResponseStart() != null || response.getOnResponseBody() != null;
    enqueued.add(new Stub.Answer(!cut, r -> response));
    return this;
  }

  /**
   * Answers the next request, like {@link #enqueue}, with a response that breaks the spec on purpose (an unknown
   * enum value, a member a newer server might send), to show the client copes: the response is not checked, the
   * request still is.
   *
   * @param response the answer
   * @return this mock
   */
  public MergeMock enqueueOffSpec(MockResponse response) {
    enqueued.add(new Stub.Answer(false, r -> response));
    return this;
  }

  /**
   * Answers the next request with a JSON body, like {@link #enqueue}.
   *
   * @param status HTTP status
   * @param json the body
   * @return this mock
   */
  public MergeMock enqueueJson(int status, String json) {
    return enqueue(jsonResponse(status, json));
  }

  /**
   * Answers the next request with a JSON body that breaks the spec on purpose, like {@link #enqueueOffSpec}.
   *
   * @param status HTTP status
   * @param json the body
   * @return this mock
   */
  public MergeMock enqueueJsonOffSpec(int status, String json) {
    return enqueueOffSpec(jsonResponse(status, json));
  }

  /**
   * Answers the next request without a body (a 204, say), like {@link #enqueue}.
   *
   * @param status HTTP status
   * @return this mock
   */
  public MergeMock enqueueEmpty(int status) {
    return enqueue(new MockResponse.Builder().code(status).build());
  }

  /**
   * Answers the next request with a JSON fixture, like {@link #enqueue}.
   *
   * @param status HTTP status
   * @param name the fixture's file name in the {@link #fixtures} directory, without {@code .json}
   * @return this mock
   */
  public MergeMock enqueueFixture(int status, String name) {
    return enqueueJson(status, fixture(name));
  }

  /**
   * Reads a JSON fixture from the class path.
   *
   * @param name the fixture's file name in the {@link #fixtures} directory, without {@code .json}
   * @return its text
   * @throws IllegalStateException when no fixture directory was set
   * @throws IllegalArgumentException when there is no such fixture
   */
  public String fixture(String name) {
    if (fixtureDirectory == null) {
      throw new IllegalStateException("no fixture directory: call fixtures(\"/fixtures/...\") first");
    }
    String path = fixtureDirectory + name + ".json";
    try (InputStream in = MergeMock.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MockResponse jsonResponse(int status, String json) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(json).build();
  }

  // ---- What it received ----

  /** {@return every request received since the last reset, in order; each now counts as examined} */
  public List<RecordedCall> requests() {
    synchronized (calls) {
      examined.set(0, calls.size());
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

  /** {@return how many requests the mock received since the last reset} */
  public int requestCount() {
    synchronized (calls) {
      return calls.size();
    }
  }

  /**
   * Sets how long {@link #takeRequest()} waits for a request to arrive before it fails the test.
   *
   * @param timeout the wait, 10 seconds unless set; positive
   * @return this mock
   */
  public MergeMock takeTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    this.takeTimeout = timeout;
    return this;
  }

  /**
   * Takes the next request in the order they came, waiting up to {@link #takeTimeout(Duration) 10 seconds} for it
   * to arrive.
   *
   * @return the request
   * @throws AssertionError when none arrives
   */
  public RecordedCall takeRequest() {
    Duration timeout = takeTimeout;
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (calls) {
      while (taken >= calls.size()) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new AssertionError("the " + spec.title() + " mock received no request within "
              + timeout.toMillis() + " ms");
        }
        try {
          calls.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while waiting for a request", e);
        }
      }
      examined.set(taken);
      return calls.get(taken++);
    }
  }

  /**
   * Takes the next request, like {@link #takeRequest()}, and asserts its method, its target and, when set, the
   * {@link #expectAuthorization Authorization} header.
   *
   * @param method the expected HTTP method
   * @param target the expected path and encoded query after the API's base path, e.g. {@code /files?page_size=5}
   * @return the request, for further checks
   */
  public RecordedCall takeRequest(String method, String target) {
    RecordedCall request = takeRequest();
    assertEquals(method, request.method(), "HTTP method");
    assertEquals(spec.basePath() + target, request.target(), "request target");
    if (expectedAuthorization != null) {
      assertEquals(expectedAuthorization, request.header("Authorization"), "Authorization header");
    }
    return request;
  }

  /**
   * Takes the next request, checks it like {@link #takeRequest(String, String)}, and that it had no body.
   *
   * @param method the expected HTTP method
   * @param target the expected path and encoded query after the API's base path
   * @return the request, for further checks
   */
  public RecordedCall takeRequestWithoutBody(String method, String target) {
    RecordedCall request = takeRequest(method, target);
    assertEquals(0, request.bodySize(), "request body size");
    return request;
  }

  /**
   * Takes the next request, checks it like {@link #takeRequest(String, String)}, and that its body was declared
   * as JSON and equals {@code expectedJson}, member order aside.
   *
   * @param method the expected HTTP method
   * @param target the expected path and encoded query after the API's base path
   * @param expectedJson the expected body
   * @return the request, for further checks
   */
  public RecordedCall takeJsonRequest(String method, String target, String expectedJson) {
    RecordedCall request = takeRequest(method, target);
    assertJsonBody(request, expectedJson);
    return request;
  }

  /**
   * Asserts that a request's body was declared as JSON and equals {@code expectedJson}, member order aside.
   *
   * @param request a request the mock received
   * @param expectedJson the expected body
   */
  public static void assertJsonBody(RecordedCall request, String expectedJson) {
    String contentType = request.header("Content-Type");
    assertNotNull(contentType, "Content-Type of the request body");
    assertEquals("application/json", contentType.split(";")[0].trim(), "Content-Type of the request body");
    assertEquals(parse(expectedJson), parse(request.body()), "request body");
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  /**
   * Fails when the mock received a request that was neither taken nor read through {@link #requests()} or
   * {@link #lastRequest()} (JUnit calls this after each test when {@link #requireEveryRequestTaken()} is set).
   *
   * @throws AssertionError naming the requests no test examined
   */
  public void assertEveryRequestTaken() {
    List<RecordedCall> unexamined = new ArrayList<>();
    synchronized (calls) {
      for (int i = examined.nextClearBit(0); i < calls.size(); i = examined.nextClearBit(i + 1)) {
        unexamined.add(calls.get(i));
      }
    }
    assertTrue(unexamined.isEmpty(), unexamined.size()
        + " request(s) reached the server but the test never examined them: " + unexamined);
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
      calls.notifyAll();
    }
    if (op.isEmpty()) {
      ContractValidator.Result result = contract.check(request, null);
      return error(404, "merge-sdk-testkit: no operation of the " + spec.title() + " spec matches "
          + request.getMethod() + " " + request.getUrl().encodedPath() + " (base path " + spec.basePath() + "/). "
          + result.violations().get(0).message());
    }
    Fault fault = faults.poll();
    Stub stub = stubs.get(op.get().operationId());
    Stub.Answer answer = enqueued.poll();
    if (answer == null && stub != null) {
      answer = stub.next();
    }
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
