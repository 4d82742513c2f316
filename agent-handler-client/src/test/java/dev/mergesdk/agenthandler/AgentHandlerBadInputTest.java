package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mergesdk.core.NoDelayServerSockets;
import dev.mergesdk.core.Region;
import dev.mergesdk.core.RequestOptions;
import dev.mergesdk.core.SecretGuard;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input through the real Agent Handler operations: path arguments are percent-encoded and can never change the
 * path, page numbers and sizes outside the declared range fail before anything is sent with a message naming the
 * parameter, a region Agent Handler does not serve is refused however it was chosen, and nothing shows the API key
 * or a per-call account token. (Null and blank required arguments are specified by RequiredParametersTest.)
 */
class AgentHandlerBadInputTest {
  private static final String BASE_PATH = "/api/v1/";
  private MockWebServer server;
  private SecretGuard guard;
  private AgentHandlerClient client;

  @BeforeEach
  void start() throws IOException {
    guard = SecretGuard.start();
    server = new MockWebServer();
    server.setServerSocketFactory(NoDelayServerSockets.FACTORY);
    server.start();
    client = AgentHandlerClient.builder().apiKey(SecretGuard.API_KEY).baseUrl(server.url(BASE_PATH).toString())
        .logger(guard.logger()).build();
  }

  @AfterEach
  void stop() {
    guard.check(client);
    client.close();
    server.close();
    guard.close();
  }

  private void respond(String json) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build());
  }

  private RecordedRequest taken() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  @ParameterizedTest(name = "registered user id ''{0}'' is sent as ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "a/b|a%2Fb", "../tool-packs|..%2Ftool-packs", "..x|..x", "x?page=2|x%3Fpage%3D2", "x#frag|x%23frag",
      "50%|50%25", "%2e%2e|%252e%252e", "Zoë|Zo%C3%AB", "ユーザー|%E3%83%A6%E3%83%BC%E3%82%B6%E3%83%BC", "a b+c|a%20b%2Bc"})
  void pathArgumentsArePercentEncodedAndNeverAlterThePath(String id, String encoded) throws Exception {
    respond("{\"id\":\"u\"}");
    client.registeredUsers().retrieve(id).with(RequestOptions.builder().accountToken(SecretGuard.ACCOUNT_TOKEN).build())
        .execute();
    RecordedRequest request = taken();
    assertEquals(BASE_PATH + "registered-users/" + encoded + "/", request.getTarget());
    List<String> segments = request.getUrl().pathSegments();
    assertEquals(List.of("api", "v1", "registered-users", id, ""), segments, "the server decodes exactly the id");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void pageNumbersAndSizesBelowOneAreRefusedNamingTheParameter(int value) {
    for (Executable set : List.<Executable>of(() -> ToolPacksApi.ListParams.builder().pageSize(value),
        () -> RegisteredUsersApi.ListParams.builder().pageSize(value),
        () -> LogsApi.ListToolCallsParams.builder().pageSize(value))) {
      assertEquals("page_size must be at least 1, was " + value,
          assertThrows(IllegalArgumentException.class, set).getMessage());
    }
    assertEquals("page must be at least 1, was " + value,
        assertThrows(IllegalArgumentException.class, () -> ToolPacksApi.ListParams.builder().page(value)).getMessage());
  }

  @Test
  void aLogsPageSizeAboveItsMaximumIsRefusedAndTheBoundsThemselvesAreSent() throws Exception {
    assertEquals("page_size must be at most 1000, was 1001", assertThrows(IllegalArgumentException.class,
        () -> LogsApi.ListToolCallsParams.builder().pageSize(1001)).getMessage());
    respond("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}");
    client.toolPacks().list(ToolPacksApi.ListParams.builder().page(1).pageSize(1).build()).execute();
    assertEquals(BASE_PATH + "tool-packs/?page=1&page_size=1", taken().getTarget());
  }

  @Test
  void apacChosenThroughTheSystemPropertyIsRefusedAtBuildLikeAnExplicitOne() {
    String previous = System.getProperty(Region.SYSTEM_PROPERTY);
    System.setProperty(Region.SYSTEM_PROPERTY, "ap");
    try {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> AgentHandlerClient.builder().apiKey(SecretGuard.API_KEY).build());
      assertEquals("Merge Agent Handler API is not served in region APAC; available regions: US, EU (or Region.custom(url))",
          e.getMessage());
      guard.check(e);
    } finally {
      if (previous == null) {
        System.clearProperty(Region.SYSTEM_PROPERTY);
      } else {
        System.setProperty(Region.SYSTEM_PROPERTY, previous);
      }
    }
  }

  @Test
  void aCustomRegionServesAgentHandlerAnywhere() {
    try (AgentHandlerClient custom = AgentHandlerClient.builder().apiKey(SecretGuard.API_KEY)
        .region(Region.custom("https://agent-handler.internal.example/api/v1")).build()) {
      assertEquals("https://agent-handler.internal.example/api/v1/", custom.baseUrl());
      guard.check(custom);
    }
  }
}
