package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mergesdk.core.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CredentialsTest {
  @RegisterExtension
  final AgentHandlerTestServer server = new AgentHandlerTestServer();

  @Test
  void deleteRemovesTheUsersCredentialForOneConnector() {
    server.enqueueEmpty(204);

    ApiResponse<Void> response = server.client().credentials()
        .delete("7f1c2a9e-3b4d-4c5e-8f60-1a2b3c4d5e6f", "google_drive").executeRaw();

    server.takeRequestWithoutBody("DELETE",
        "/api/v1/credentials/registered-users/7f1c2a9e-3b4d-4c5e-8f60-1a2b3c4d5e6f/connectors/google_drive/");
    assertEquals(204, response.statusCode());
    assertNull(response.body());
  }
}
