package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mergesdk.core.Region;
import dev.mergesdk.core.SecretGuard;
import dev.mergesdk.core.SecretGuardExtension;
import dev.mergesdk.testkit.MergeMock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input Agent Handler bounds on its own: page numbers and sizes outside the declared range fail before anything
 * is sent with a message naming the parameter, a region Agent Handler does not serve is refused however it was
 * chosen, and nothing shows the API key. (Path arguments, and null and blank required arguments, are specified for
 * both clients by testkit/tests' BadInputTest and EveryOperationTest.)
 */
class BadInputTest {
  @RegisterExtension final SecretGuardExtension secrets = new SecretGuardExtension();
  @RegisterExtension final MergeMock server = MergeMock.agentHandler();

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
  void aLogsPageSizeAboveItsMaximumIsRefusedAndTheBoundsThemselvesAreSent() {
    assertEquals("page_size must be at most 1000, was 1001", assertThrows(IllegalArgumentException.class,
        () -> LogsApi.ListToolCallsParams.builder().pageSize(1001)).getMessage());
    try (AgentHandlerClient client = AgentHandlerClient.builder().apiKey(SecretGuard.API_KEY)
        .baseUrl(server.baseUrl()).logger(secrets.guard().logger()).build()) {
      client.toolPacks().list(ToolPacksApi.ListParams.builder().page(1).pageSize(1).build()).execute();
      secrets.guard().check(client);
    }
    server.takeRequest("GET", "/tool-packs/?page=1&page_size=1");
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
      secrets.guard().check(e);
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
      secrets.guard().check(custom);
    }
  }
}
