package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.agenthandler.model.AuthScope;
import dev.mergesdk.agenthandler.model.PaginatedToolPackList;
import dev.mergesdk.agenthandler.model.ToolPack;
import dev.mergesdk.agenthandler.model.ToolPackConnector;
import dev.mergesdk.agenthandler.model.ToolPackConnectorInput;
import dev.mergesdk.agenthandler.model.ToolPackCreate;
import dev.mergesdk.agenthandler.model.ToolPackUpdate;
import java.util.List;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ToolPacksTest {
  private static final String PACK_ID = "0b8e5d2c-6a71-4f3e-9c24-5d6e7f801234";

  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @Test
  void listSendsPagingParametersAndDecodesPacksWithTheirConnectorsAndTools() {
    server.enqueueFixture(200, "toolPacks_list");

    PaginatedToolPackList page = client.toolPacks()
        .list(ToolPacksApi.ListParams.builder().page(2).pageSize(10).build()).execute();

    server.takeRequestWithoutBody("GET", "/tool-packs/?page=2&page_size=10");
    assertEquals(1, page.getCount());
    ToolPack pack = page.getResults().get(0);
    assertEquals(PACK_ID, pack.getId());
    assertEquals("Support agent", pack.getName());
    ToolPackConnector linear = pack.getConnectors().get(0);
    assertEquals("linear", linear.getSlug());
    assertEquals(AuthScope.INDIVIDUAL, linear.getAuthScope());
    assertNull(linear.getSourceUrl());
    assertEquals("ticketing", linear.getCategories().get(0).getAsString());
    assertEquals("linear__create_issue", linear.getTools().get(0).getName());
    assertEquals("object", linear.getTools().get(0).getInputSchema().getAsJsonObject().get("type").getAsString());
  }

  @Test
  void createSendsNameDescriptionAndConnectorsAndDecodesTheNewPack() {
    server.enqueueFixture(201, "toolPacks_create");

    ToolPack pack = client.toolPacks().create(new ToolPackCreate()
        .name("Support agent")
        .description("Tools for the customer support agent.")
        .connectors(List.of(new ToolPackConnectorInput()
            .slug("slack").authScope(AuthScope.SHARED).toolNames(List.of("slack__post_message")))))
        .execute();

    server.takeJsonRequest("POST", "/tool-packs/", """
        {"name": "Support agent", "description": "Tools for the customer support agent.",
         "connectors": [{"slug": "slack", "auth_scope": "SHARED", "tool_names": ["slack__post_message"]}]}""");
    assertEquals(PACK_ID, pack.getId());
    assertEquals(AuthScope.SHARED, pack.getConnectors().get(0).getAuthScope());
    assertEquals("slack__post_message", pack.getConnectors().get(0).getTools().get(0).getName());
  }

  @Test
  void retrieveRequestsThePackById() {
    server.enqueueFixture(200, "toolPacks_retrieve");

    ToolPack pack = client.toolPacks().retrieve(PACK_ID).execute();

    server.takeRequestWithoutBody("GET", "/tool-packs/" + PACK_ID + "/");
    assertEquals("Support agent", pack.getName());
    assertEquals(List.of(), pack.getConnectors());
  }

  @Test
  void partialUpdateOfTheNameDoesNotSendAConnectorList() {
    server.enqueueFixture(200, "toolPacks_partialUpdate");

    ToolPack pack = client.toolPacks()
        .partialUpdate(PACK_ID, new ToolPackUpdate().name("Support agent v2")).execute();

    server.takeJsonRequest("PATCH", "/tool-packs/" + PACK_ID + "/", "{\"name\": \"Support agent v2\"}");
    assertEquals("Support agent v2", pack.getName());
  }

  @Test
  void deleteSendsADeleteAndReturnsNothing() {
    server.enqueueEmpty(204);

    assertNull(client.toolPacks().delete(PACK_ID).execute());

    server.takeRequestWithoutBody("DELETE", "/tool-packs/" + PACK_ID + "/");
  }

  @Test
  @SuppressWarnings("deprecation") // connector_id is deprecated by the API but still sent
  void listConnectorsDecodesThePlainArray() {
    server.enqueueFixture(200, "toolPacks_listConnectors");

    List<ToolPackConnector> connectors = client.toolPacks().listConnectors(PACK_ID).execute();

    server.takeRequestWithoutBody("GET", "/tool-packs/" + PACK_ID + "/connectors/");
    assertEquals(1, connectors.size());
    assertEquals("Linear", connectors.get(0).getName());
    assertEquals("6f5e4d3c-2b1a-4098-8765-43210fedcba9", connectors.get(0).getConnectorId());
  }

  @Test
  void replaceConnectorsPutsTheCompleteListAsAJsonArray() {
    server.enqueueFixture(200, "toolPacks_replaceConnectors");

    List<ToolPackConnector> connectors = client.toolPacks().replaceConnectors(PACK_ID, List.of(
        new ToolPackConnectorInput().slug("slack").authScope(AuthScope.SHARED))).execute();

    server.takeJsonRequest("PUT", "/tool-packs/" + PACK_ID + "/connectors/",
        "[{\"slug\": \"slack\", \"auth_scope\": \"SHARED\"}]");
    assertEquals("slack", connectors.get(0).getSlug());
  }

  @Test
  void upsertConnectorsSendsAnEmptyToolListOnlyWhereItWasSet() {
    server.enqueueFixture(200, "toolPacks_upsertConnectors");

    List<ToolPackConnector> connectors = client.toolPacks().upsertConnectors(PACK_ID, List.of(
        new ToolPackConnectorInput().slug("slack"),
        new ToolPackConnectorInput().slug("linear").toolNames(List.of()))).execute();

    server.takeJsonRequest("PATCH", "/tool-packs/" + PACK_ID + "/connectors/",
        "[{\"slug\": \"slack\"}, {\"slug\": \"linear\", \"tool_names\": []}]");
    assertEquals(1, connectors.size());
    assertTrue(connectors.get(0).getTools().size() > 0);
  }

  @Test
  void removeConnectorDeletesTheConnectorBySlug() {
    server.enqueueEmpty(204);

    assertNull(client.toolPacks().removeConnector(PACK_ID, "google_drive").execute());

    server.takeRequestWithoutBody("DELETE", "/tool-packs/" + PACK_ID + "/connectors/google_drive/");
  }
}
