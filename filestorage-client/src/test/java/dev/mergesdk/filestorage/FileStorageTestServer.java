package dev.mergesdk.filestorage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.testkit.ApiSpec;
import dev.mergesdk.testkit.ContractDispatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The single doorway between the File Storage tests and the HTTP layer. Each test gets a fresh
 * {@link MockWebServer}; every response a test serves goes through {@link #serve} and every request the client
 * sent is read through {@link #takeRequest()}, so a check that applies to all traffic (a spec validator, say)
 * needs hooking in here only. Register it as an instance field:
 *
 * <pre>{@code
 * @RegisterExtension final FileStorageTestServer server = new FileStorageTestServer();
 * }</pre>
 *
 * <p>After a test that otherwise passed, it fails if the client sent requests the test never looked at, or if any
 * request, or any response served as conforming, breaks {@code spec/filestorage.yaml} (the testkit's
 * {@link ContractDispatcher}: the message names the operation and the field). Every operation a request reaches
 * counts towards {@link ContractCoverageTest}.
 */
public final class FileStorageTestServer implements BeforeEachCallback, AfterEachCallback {
  /** The API key every test client uses; a dummy, never a real credential. */
  static final String API_KEY = "test-key";
  /** The account token of {@link #client()}; a dummy, never a real credential. */
  static final String ACCOUNT_TOKEN = "test-account-token";
  /** The path prefix of every operation. */
  static final String BASE_PATH = "/api/filestorage/v1";

  private static final String FIXTURES = "/fixtures/filestorage/";
  private static final long TAKE_TIMEOUT_SECONDS = 10;

  private final List<FileStorageClient> clients = new ArrayList<>();
  private MockWebServer server;
  private ContractDispatcher contract;
  private FileStorageClient client;
  private FileStorageClient orgClient;
  private int taken;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    server = new MockWebServer();
    // Contract tests: every request, and every response served as conforming, is checked against the spec.
    contract = new ContractDispatcher(ApiSpec.fileStorage());
    server.setDispatcher(contract);
    server.start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      clients.forEach(FileStorageClient::close);
      if (context.getExecutionException().isEmpty() && server.getRequestCount() > taken) {
        fail((server.getRequestCount() - taken) + " request(s) reached the server but the test never examined them");
      }
      if (context.getExecutionException().isEmpty()) {
        contract.assertNoViolations();
      }
    } finally {
      server.close();
    }
  }

  /** @return a client for Linked Account operations: API key, account token, no retries, pointed at the server */
  public FileStorageClient client() {
    if (client == null) {
      client = register(builder().accountToken(ACCOUNT_TOKEN).build());
    }
    return client;
  }

  /** @return a client without an account token, for organisation-wide operations */
  public FileStorageClient clientWithoutAccountToken() {
    if (orgClient == null) {
      orgClient = register(builder().build());
    }
    return orgClient;
  }

  private FileStorageClient.Builder builder() {
    return FileStorageClient.builder()
        .apiKey(API_KEY)
        .baseUrl(server.url(BASE_PATH + "/").toString())
        .retryPolicy(RetryPolicy.none());
  }

  private FileStorageClient register(FileStorageClient c) {
    clients.add(c);
    return c;
  }

  /**
   * Serves a JSON fixture that conforms to the spec.
   *
   * @param code HTTP status
   * @param fixture file name under {@code fixtures/filestorage/}, without {@code .json}
   */
  public void respond(int code, String fixture) {
    serve(json(code, fixture(fixture)), true);
  }

  /**
   * Serves a JSON fixture that deliberately breaks the spec (unknown enum values, members a newer server might
   * send), to show the client copes; a spec validator must not reject these.
   *
   * @param code HTTP status
   * @param fixture file name under {@code fixtures/filestorage/}, without {@code .json}
   */
  public void respondOffSpec(int code, String fixture) {
    serve(json(code, fixture(fixture)), false);
  }

  /**
   * Serves a JSON body given inline; it must conform to the spec.
   *
   * @param code HTTP status
   * @param body the JSON text
   */
  public void respondJson(int code, String body) {
    serve(json(code, body), true);
  }

  /**
   * Serves an answer without a body.
   *
   * @param code HTTP status
   */
  public void respondEmpty(int code) {
    serve(new MockResponse.Builder().code(code).build(), true);
  }

  /**
   * Serves a hand-built response (binary downloads, throttled or gated bodies); it must conform to the spec.
   *
   * @param response the response
   */
  public void respond(MockResponse response) {
    serve(response, true);
  }

  /** Every served response passes here. */
  private void serve(MockResponse response, boolean conformsToSpec) {
    if (conformsToSpec) {
      contract.enqueue(response);
    } else {
      contract.enqueueUnchecked(response);
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /**
   * Returns the next request the server received, waiting briefly for it.
   *
   * @return the request
   */
  public RecordedRequest takeRequest() {
    RecordedRequest request;
    try {
      request = server.takeRequest(TAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for a request", e);
    }
    assertNotNull(request, "the client sent no request within " + TAKE_TIMEOUT_SECONDS + " s");
    taken++;
    return request;
  }

  /**
   * Takes the next request and checks its method, its exact target (path and encoded query, relative to the
   * API's base path) and the bearer API key.
   *
   * @param method the expected HTTP method
   * @param target the expected target after {@link #BASE_PATH}, e.g. {@code /files?page_size=5}
   * @return the request, for further checks
   */
  public RecordedRequest expectRequest(String method, String target) {
    RecordedRequest request = takeRequest();
    assertEquals(method, request.getMethod(), "HTTP method");
    assertEquals(BASE_PATH + target, request.getTarget(), "request target");
    assertEquals("Bearer " + API_KEY, request.getHeaders().get("Authorization"), "Authorization header");
    return request;
  }

  /** @return how many requests reached the server so far */
  public int requestCount() {
    return server.getRequestCount();
  }

  /**
   * Asserts the request carried the test client's account token.
   *
   * @param request the request
   */
  public static void assertAccountToken(RecordedRequest request) {
    assertEquals(ACCOUNT_TOKEN, request.getHeaders().get("X-Account-Token"), "X-Account-Token header");
  }

  /**
   * Asserts the request carried no account token.
   *
   * @param request the request
   */
  public static void assertNoAccountToken(RecordedRequest request) {
    assertNull(request.getHeaders().get("X-Account-Token"), "X-Account-Token must not be sent");
  }

  /**
   * Asserts the request body is the given JSON (member order aside) and was declared as JSON.
   *
   * @param request the request
   * @param expectedJson the expected body
   */
  public static void assertJsonBody(RecordedRequest request, String expectedJson) {
    String contentType = request.getHeaders().get("Content-Type");
    assertNotNull(contentType, "Content-Type of the request body");
    assertEquals("application/json", contentType.split(";")[0].trim(), "Content-Type of the request body");
    JsonElement actual = JsonParser.parseString(request.getBody() == null ? "" : request.getBody().utf8());
    assertEquals(JsonParser.parseString(expectedJson), actual, "request body");
  }

  /**
   * Asserts the request had no body.
   *
   * @param request the request
   */
  public static void assertNoBody(RecordedRequest request) {
    assertEquals(0, request.getBodySize(), "request body size");
  }

  /**
   * @param name file name under {@code fixtures/filestorage/}, without {@code .json}
   * @return the fixture's text
   */
  public static String fixture(String name) {
    String path = FIXTURES + name + ".json";
    try (InputStream in = FileStorageTestServer.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
