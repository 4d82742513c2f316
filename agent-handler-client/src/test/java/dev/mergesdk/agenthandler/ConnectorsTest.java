package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mergesdk.agenthandler.model.Connector;
import dev.mergesdk.agenthandler.model.ConnectorAuthMode;
import dev.mergesdk.agenthandler.model.ConnectorSecretField;
import dev.mergesdk.agenthandler.model.PaginatedConnectorList;
import dev.mergesdk.agenthandler.model.RemoteMcpAuth;
import dev.mergesdk.agenthandler.model.RemoteMcpAuthType;
import dev.mergesdk.agenthandler.model.RemoteMcpConnectorCreate;
import java.net.URI;
import java.util.List;
import java.util.Map;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectorsTest {
  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @Test
  void listSendsTheSearchTextAndDecodesConnectorsWithAuthOptions() {
    server.enqueueFixture(200, "connectors_list");

    PaginatedConnectorList page = client.connectors()
        .list(ConnectorsApi.ListParams.builder().search("sla ck").build()).execute();

    server.takeRequestWithoutBody("GET", "/connectors/?search=sla%20ck");
    Connector slack = page.getResults().get(0);
    assertEquals("slack", slack.getSlug());
    assertEquals(List.of("chat"), slack.getCategories());
    assertEquals("oauth2", slack.getAuthOptions().get(0).getType());
    assertEquals("slack__post_message", slack.getTools().get(0).getName());
    assertNull(slack.getTools().get(0).getInputSchema());
  }

  @Test
  void createRegistersARemoteMcpServer() {
    server.enqueueFixture(201, "connectors_create");

    Connector connector = client.connectors().create(new RemoteMcpConnectorCreate()
        .name("Internal docs")
        .url(URI.create("https://mcp.example.com/mcp"))
        .slug("internal_docs")
        .headers(Map.of("X-Team", "docs"))
        .auth(new RemoteMcpAuth().type(RemoteMcpAuthType.NONE)))
        .execute();

    server.takeJsonRequest("POST", "/connectors/", """
        {"name": "Internal docs", "url": "https://mcp.example.com/mcp", "slug": "internal_docs",
         "headers": {"X-Team": "docs"}, "auth": {"type": "none"}}""");
    assertEquals("internal_docs", connector.getSlug());
    assertEquals("https://mcp.example.com/mcp", connector.getSourceUrl());
    assertNull(connector.getCategories());
    assertNull(connector.getTools().get(0).getDescription());
  }

  @Test
  void retrieveAsksForRuntimeAuthAndToolDetails() {
    server.enqueueFixture(200, "connectors_retrieve");

    Connector linear = client.connectors().retrieve("linear", ConnectorsApi.RetrieveParams.builder()
        .authMode(ConnectorAuthMode.RUNTIME).includeToolDetails(true).build()).execute();

    server.takeRequestWithoutBody("GET", "/connectors/linear/?auth_mode=runtime&include_tool_details=true");
    ConnectorSecretField apiKey = linear.getAuthOptions().get(0).getSecrets().get(0);
    assertEquals("API key", apiKey.getHumanReadableName());
    assertEquals("lin_api_", apiKey.getPrefix());
    assertNull(apiKey.getOptions());
    assertEquals("string", linear.getTools().get(0).getInputSchema().getAsJsonObject()
        .getAsJsonObject("properties").getAsJsonObject("title").get("type").getAsString());
  }

  @Test
  void deleteRemovesTheConnectorBySlug() {
    server.enqueueEmpty(204);

    assertNull(client.connectors().delete("internal_docs").execute());

    server.takeRequestWithoutBody("DELETE", "/connectors/internal_docs/");
  }
}
