package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mergesdk.core.Region;
import org.junit.jupiter.api.Test;

class AgentHandlerClientTest {

  private static String baseUrlIn(Region region) {
    try (AgentHandlerClient client = AgentHandlerClient.builder().apiKey("k").region(region).build()) {
      return client.baseUrl();
    }
  }

  @Test
  void usAndEuHaveTheirAgentHandlerBaseUrls() {
    assertEquals("https://ah-api.merge.dev/api/v1/", baseUrlIn(Region.US));
    assertEquals("https://ah-api-eu.merge.dev/api/v1/", baseUrlIn(Region.EU));
  }

  @Test
  void apacIsRefusedAtBuildTimeBecauseAgentHandlerIsNotServedThere() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AgentHandlerClient.builder().apiKey("k").region(Region.APAC).build());
    assertEquals("Merge Agent Handler API is not served in region APAC; available regions: US, EU (or Region.custom(url))",
        e.getMessage());
  }
}
