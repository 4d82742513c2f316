package dev.mergesdk.filestorage;

import static dev.mergesdk.filestorage.TestClients.assertAccountToken;
import static dev.mergesdk.testkit.MergeMock.assertJsonBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.core.ApiResponse;
import dev.mergesdk.core.NotFoundException;
import dev.mergesdk.filestorage.model.AvailableActions;
import dev.mergesdk.filestorage.model.Category;
import dev.mergesdk.filestorage.model.ModelOperation;
import dev.mergesdk.filestorage.model.WebhookReceiver;
import dev.mergesdk.filestorage.model.WebhookReceiverRequest;
import java.util.List;
import dev.mergesdk.testkit.RecordedCall;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operations Merge's published spec and SDKs have beyond its newest API reference. */
class AvailableActionsAndWebhookReceiversOperationsTest {
  @RegisterExtension final MergeMock server = TestClients.mock();
  private final FileStorageClient client = TestClients.client(server);

  @Test
  void retrieveAvailableActionsSendsAccountTokenAndDecodesOperationsPerModel() {
    server.enqueueFixture(200, "availableActions_retrieve");

    AvailableActions actions = client.availableActions().retrieve().execute();

    RecordedCall request = server.takeRequest("GET", "/available-actions");
    assertAccountToken(request);

    assertEquals("Google Drive", actions.getIntegration().getName());
    assertEquals(List.of(Category.FILESTORAGE), actions.getIntegration().getCategories());
    assertTrue(actions.getPassthroughAvailable());
    ModelOperation files = actions.getAvailableModelOperations().get(0);
    assertEquals("File", files.getModelName());
    assertEquals(List.of("FETCH", "CREATE"), files.getAvailableOperations());
    assertEquals(List.of("name", "folder"), files.getRequiredPostParameters());
    assertEquals("Folder", actions.getAvailableModelOperations().get(1).getModelName());
  }

  @Test
  void listWebhookReceiversDecodesTheBareArrayAndMasksKeys() {
    server.enqueueFixture(200, "webhookReceivers_list");

    List<WebhookReceiver> receivers = client.webhookReceivers().list().execute();

    RecordedCall request = server.takeRequest("GET", "/webhook-receivers");
    assertAccountToken(request);

    assertEquals(2, receivers.size());
    assertEquals("file.changed", receivers.get(0).getEvent());
    assertTrue(receivers.get(0).getIsActive());
    assertEquals("wr_4Nf8Qs1Lx6Td", receivers.get(0).getKey());
    assertFalse(receivers.get(0).toString().contains("wr_4Nf8Qs1Lx6Td"), "toString must mask the key");
    assertFalse(receivers.get(1).getIsActive());
    assertNull(receivers.get(1).getKey());
  }

  @Test
  void createWebhookReceiverSendsTheRequestAndReads201() {
    server.enqueueFixture(201, "webhookReceivers_create");

    ApiResponse<WebhookReceiver> response = client.webhookReceivers()
        .create(new WebhookReceiverRequest().event("file.changed").isActive(true).key("wr_4Nf8Qs1Lx6Td"))
        .executeRaw();

    RecordedCall request = server.takeRequest("POST", "/webhook-receivers");
    assertAccountToken(request);
    assertJsonBody(request, "{\"event\": \"file.changed\", \"is_active\": true, \"key\": \"wr_4Nf8Qs1Lx6Td\"}");

    assertEquals(201, response.statusCode());
    assertEquals("file.changed", response.body().getEvent());
    assertTrue(response.body().getIsActive());
  }

  @Test
  void anIntegrationWithoutTheEndpointAnswers404AsATypedError() {
    server.enqueueJson(404, "{\"detail\": \"Not found.\"}");

    NotFoundException e = org.junit.jupiter.api.Assertions.assertThrows(NotFoundException.class,
        () -> client.webhookReceivers().list().execute());

    server.takeRequest("GET", "/webhook-receivers");
    assertEquals(404, e.statusCode());
  }
}
