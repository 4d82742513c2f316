package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.testkit.ApiSpec;
import dev.mergesdk.testkit.ContractDispatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one way Agent Handler tests talk to a fake server: a {@link MockWebServer} plus a client pointed at it.
 * Every response a test serves goes through {@link #enqueue(MockResponse)} and every request it inspects comes
 * out of {@link #takeRequest()}, so checks that apply to all traffic belong here: every request, and every response
 * served through {@link #enqueue(MockResponse)}, is checked against {@code spec/agent-handler.yaml} (the testkit's
 * {@link ContractDispatcher}; a violation fails the test naming the operation and the field), and counts towards
 * {@link ContractCoverageTest}.
 *
 * <pre>{@code
 * @RegisterExtension final AgentHandlerTestServer server = new AgentHandlerTestServer();
 * }</pre>
 */
public final class AgentHandlerTestServer implements BeforeEachCallback, AfterEachCallback {
  /** The API key every test client sends. */
  public static final String API_KEY = "test-key";
  private static final String FIXTURES = "/fixtures/agenthandler/";

  private MockWebServer server;
  private ContractDispatcher contract;
  private AgentHandlerClient client;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    server = new MockWebServer();
    // Contract tests: every request, and every response served as conforming, is checked against the spec.
    contract = new ContractDispatcher(ApiSpec.agentHandler());
    server.setDispatcher(contract);
    server.start();
    client = AgentHandlerClient.builder()
        .apiKey(API_KEY)
        .baseUrl(server.url("/api/v1/").toString())
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      client.close();
      if (context.getExecutionException().isEmpty()) {
        contract.assertNoViolations(); // names the operation and the field
      }
    } finally {
      server.close();
    }
  }

  /** @return the client, talking to this server */
  public AgentHandlerClient client() {
    return client;
  }

  /** @param limit how many request body bytes the server keeps; the rest is counted but dropped */
  public void bodyLimit(long limit) {
    server.setBodyLimit(limit);
  }

  /** @return how many requests reached the server */
  public int requestCount() {
    return server.getRequestCount();
  }

  /** Serves a response to the next request; every response of every test goes through here. */
  public void enqueue(MockResponse response) {
    contract.enqueue(response);
  }

  /**
   * Serves a response that deliberately breaks the spec (an unknown enum value, a member a newer server might
   * send), to show the client copes: it is not checked against the spec; the request still is.
   */
  public void enqueueOffSpec(MockResponse response) {
    contract.enqueueUnchecked(response);
  }

  /** Serves a JSON body that deliberately breaks the spec, unchecked (see {@link #enqueueOffSpec}). */
  public void enqueueJsonOffSpec(int code, String json) {
    enqueueOffSpec(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(json)
        .build());
  }

  /** Serves a JSON fixture from {@code src/test/resources/fixtures/agenthandler/NAME.json}. */
  public void enqueueFixture(int code, String name) {
    enqueueJson(code, fixture(name));
  }

  /** Serves a JSON body. */
  public void enqueueJson(int code, String json) {
    enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(json).build());
  }

  /** Serves a response without a body (a 204, or an older deployment's bare 200). */
  public void enqueueEmpty(int code) {
    enqueue(new MockResponse.Builder().code(code).build());
  }

  /** @return the next request the server received; fails if none arrives within 10 seconds */
  public RecordedRequest takeRequest() {
    try {
      RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
      assertNotNull(request, "the server received no request");
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for a request", e);
    }
  }

  /**
   * Takes the next request and checks what every operation sends: the method, the exact target (path with its
   * trailing slash, then the query) and the bearer key.
   *
   * @return the request, for checks of its body
   */
  public RecordedRequest takeRequest(String method, String target) {
    RecordedRequest request = takeRequest();
    assertEquals(method, request.getMethod(), "method");
    assertEquals(target, request.getTarget(), "request target");
    assertEquals("Bearer " + API_KEY, request.getHeaders().get("Authorization"), "Authorization header");
    return request;
  }

  /** Takes the next request, checks it like {@link #takeRequest(String, String)} and that it sent no body. */
  public RecordedRequest takeRequestWithoutBody(String method, String target) {
    RecordedRequest request = takeRequest(method, target);
    assertEquals(0, request.getBodySize(), "request body size");
    return request;
  }

  /**
   * Takes the next request, checks it like {@link #takeRequest(String, String)}, and that its body is JSON equal
   * to {@code expectedJson} (member order aside).
   */
  public RecordedRequest takeJsonRequest(String method, String target, String expectedJson) {
    RecordedRequest request = takeRequest(method, target);
    String contentType = request.getHeaders().get("Content-Type");
    assertNotNull(contentType, "Content-Type header");
    assertTrue(contentType.startsWith("application/json"), "Content-Type is JSON: " + contentType);
    assertEquals(json(expectedJson), json(request.getBody().utf8()), "JSON body sent");
    return request;
  }

  /** @return the text of a fixture */
  public static String fixture(String name) {
    String path = FIXTURES + name + ".json";
    try (InputStream in = AgentHandlerTestServer.class.getResourceAsStream(path)) {
      assertNotNull(in, "missing fixture " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the JSON text parsed, for comparisons that ignore formatting */
  public static JsonElement json(String text) {
    return JsonParser.parseString(text);
  }
}
