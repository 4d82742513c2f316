package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mergesdk.core.ApiResponse;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CredentialsTest {
  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @Test
  void deleteRemovesTheUsersCredentialForOneConnector() {
    server.enqueueEmpty(204);

    ApiResponse<Void> response = client.credentials()
        .delete("7f1c2a9e-3b4d-4c5e-8f60-1a2b3c4d5e6f", "google_drive").executeRaw();

    server.takeRequestWithoutBody("DELETE",
        "/credentials/registered-users/7f1c2a9e-3b4d-4c5e-8f60-1a2b3c4d5e6f/connectors/google_drive/");
    assertEquals(204, response.statusCode());
    assertNull(response.body());
  }
}
