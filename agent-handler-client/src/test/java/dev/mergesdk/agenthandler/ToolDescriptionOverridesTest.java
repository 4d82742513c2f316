package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mergesdk.agenthandler.model.OverrideLevel;
import dev.mergesdk.agenthandler.model.PaginatedToolDescriptionOverrideList;
import dev.mergesdk.agenthandler.model.ToolDescriptionOverride;
import dev.mergesdk.agenthandler.model.ToolDescriptionOverrideInput;
import java.time.OffsetDateTime;
import java.util.List;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ToolDescriptionOverridesTest {
  private static final String PACK_ID = "0b8e5d2c-6a71-4f3e-9c24-5d6e7f801234";

  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @Test
  void listFiltersOrganisationOverridesByConnectorSlug() {
    server.enqueueFixture(200, "toolDescriptionOverrides_list");

    PaginatedToolDescriptionOverrideList page = client.toolDescriptionOverrides()
        .list(ToolDescriptionOverridesApi.ListParams.builder().slug("slack").pageSize(25).build()).execute();

    server.takeRequestWithoutBody("GET", "/connectors/tool-description-overrides/?page_size=25&slug=slack");
    assertNull(page.getPrevious());
    ToolDescriptionOverride override = page.getResults().get(0);
    assertEquals("slack__post_message", override.getToolName());
    assertEquals(OverrideLevel.CONNECTOR, override.getDefinedAt());
    assertEquals(OffsetDateTime.parse("2026-03-02T09:15:00Z"), override.getCreatedAt());
  }

  @Test
  void bulkUpdatePatchesAJsonArrayAndDecodesTheResultingOverrides() {
    server.enqueueFixture(200, "toolDescriptionOverrides_bulkUpdate");

    List<ToolDescriptionOverride> overrides = client.toolDescriptionOverrides().bulkUpdate(List.of(
        new ToolDescriptionOverrideInput().connectorSlug("slack").toolName("slack__post_message")
            .description("Post a short status update to a Slack channel."))).execute();

    server.takeJsonRequest("PATCH", "/connectors/tool-description-overrides/", """
        [{"connector_slug": "slack", "tool_name": "slack__post_message",
          "description": "Post a short status update to a Slack channel."}]""");
    assertEquals(1, overrides.size());
    assertEquals("Post a short status update to a Slack channel.", overrides.get(0).getDescription());
    assertEquals(OffsetDateTime.parse("2026-03-04T11:00:00Z"), overrides.get(0).getModifiedAt());
  }

  @Test
  void listForToolPackRequestsThePacksOverrides() {
    server.enqueueFixture(200, "toolDescriptionOverrides_listForToolPack");

    PaginatedToolDescriptionOverrideList page = client.toolDescriptionOverrides()
        .listForToolPack(PACK_ID, ToolDescriptionOverridesApi.ListForToolPackParams.builder().page(1).build())
        .execute();

    server.takeRequestWithoutBody("GET", "/tool-packs/" + PACK_ID + "/tool-description-overrides/?page=1");
    assertEquals(OverrideLevel.TOOL_PACK, page.getResults().get(0).getDefinedAt());
    assertEquals("linear", page.getResults().get(0).getConnectorSlug());
  }

  @Test
  void bulkUpdateForToolPackPatchesThePacksOverrides() {
    server.enqueueFixture(200, "toolDescriptionOverrides_bulkUpdateForToolPack");

    List<ToolDescriptionOverride> overrides = client.toolDescriptionOverrides()
        .bulkUpdateForToolPack(PACK_ID, List.of(new ToolDescriptionOverrideInput().connectorSlug("linear")
            .toolName("linear__create_issue").description("File a bug in the SUPPORT team only.")))
        .execute();

    server.takeJsonRequest("PATCH", "/tool-packs/" + PACK_ID + "/tool-description-overrides/", """
        [{"connector_slug": "linear", "tool_name": "linear__create_issue",
          "description": "File a bug in the SUPPORT team only."}]""");
    assertEquals("1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b", overrides.get(0).getId());
  }
}
