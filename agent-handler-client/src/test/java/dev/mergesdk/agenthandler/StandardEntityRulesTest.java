package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.agenthandler.model.PaginatedStandardEntityRuleList;
import dev.mergesdk.agenthandler.model.PaginatedToolPackStandardEntityRuleList;
import dev.mergesdk.agenthandler.model.RuleLevel;
import dev.mergesdk.agenthandler.model.SecurityAction;
import dev.mergesdk.agenthandler.model.StandardEntityRule;
import dev.mergesdk.agenthandler.model.StandardEntityRuleUpdate;
import dev.mergesdk.agenthandler.model.ToolPackStandardEntityRule;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StandardEntityRulesTest {
  private static final String PACK_ID = "0b8e5d2c-6a71-4f3e-9c24-5d6e7f801234";

  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  private static StandardEntityRuleUpdate update(boolean active, SecurityAction inbound, SecurityAction outbound) {
    return new StandardEntityRuleUpdate().isActive(active).inboundAction(inbound).outboundAction(outbound);
  }

  @Test
  void listDecodesTheOrganisationRules() {
    server.enqueueFixture(200, "standardEntityRules_list");

    PaginatedStandardEntityRuleList page = client.standardEntityRules()
        .list(StandardEntityRulesApi.ListParams.builder().page(1).pageSize(100).build()).execute();

    server.takeRequestWithoutBody("GET", "/security/standard-entity-rules/?page=1&page_size=100");
    StandardEntityRule rule = page.getResults().get(0);
    assertEquals("EMAIL_ADDRESS", rule.getEntityType());
    assertEquals(SecurityAction.REDACT, rule.getOutboundAction());
    assertEquals(RuleLevel.ORGANIZATION, rule.getDefinedAt());
  }

  @Test
  void retrieveRequestsTheRuleByEntityType() {
    server.enqueueFixture(200, "standardEntityRules_retrieve");

    StandardEntityRule rule = client.standardEntityRules().retrieve("CREDIT_CARD").execute();

    server.takeRequestWithoutBody("GET", "/security/standard-entity-rules/CREDIT_CARD/");
    assertEquals(SecurityAction.BLOCK, rule.getOutboundAction());
    assertEquals("pattern_and_checksum", rule.getDetectionMethod());
  }

  @Test
  void updatePutsTheCompleteHandling() {
    server.enqueueFixture(200, "standardEntityRules_update");

    StandardEntityRule rule = client.standardEntityRules()
        .update("CREDIT_CARD", update(true, SecurityAction.BLOCK, SecurityAction.REDACT)).execute();

    server.takeJsonRequest("PUT", "/security/standard-entity-rules/CREDIT_CARD/",
        "{\"is_active\": true, \"inbound_action\": \"BLOCK\", \"outbound_action\": \"REDACT\"}");
    assertEquals(SecurityAction.REDACT, rule.getOutboundAction());
  }

  @Test
  void listForToolPackFiltersByWhereTheRuleIsDefined() {
    server.enqueueFixture(200, "standardEntityRules_listForToolPack");

    PaginatedToolPackStandardEntityRuleList page = client.standardEntityRules()
        .listForToolPack(PACK_ID, StandardEntityRulesApi.ListForToolPackParams.builder()
            .definedAt(RuleLevel.TOOL_PACK).build())
        .execute();

    server.takeRequestWithoutBody("GET", "/tool-packs/" + PACK_ID + "/standard-entity-rules/?defined_at=TOOL_PACK");
    ToolPackStandardEntityRule rule = page.getResults().get(0);
    assertEquals(RuleLevel.TOOL_PACK, rule.getDefinedAt());
    assertFalse(rule.getIsActive());
    assertTrue(rule.getOrgIsActive());
    assertEquals(SecurityAction.NONE, rule.getOutboundAction());
    assertEquals(SecurityAction.REDACT, rule.getOrgOutboundAction());
  }

  @Test
  void retrieveForToolPackRequestsTheRuleInEffectForThePack() {
    server.enqueueFixture(200, "standardEntityRules_retrieveForToolPack");

    ToolPackStandardEntityRule rule = client.standardEntityRules()
        .retrieveForToolPack(PACK_ID, "EMAIL_ADDRESS").execute();

    server.takeRequestWithoutBody("GET", "/tool-packs/" + PACK_ID + "/standard-entity-rules/EMAIL_ADDRESS/");
    assertEquals(RuleLevel.ORGANIZATION, rule.getDefinedAt());
  }

  @Test
  void updateForToolPackPutsThePacksOverride() {
    server.enqueueFixture(200, "standardEntityRules_updateForToolPack");

    ToolPackStandardEntityRule rule = client.standardEntityRules()
        .updateForToolPack(PACK_ID, "EMAIL_ADDRESS", update(true, SecurityAction.LOG, SecurityAction.BLOCK))
        .execute();

    server.takeJsonRequest("PUT", "/tool-packs/" + PACK_ID + "/standard-entity-rules/EMAIL_ADDRESS/",
        "{\"is_active\": true, \"inbound_action\": \"LOG\", \"outbound_action\": \"BLOCK\"}");
    assertEquals(SecurityAction.BLOCK, rule.getOutboundAction());
    assertEquals(RuleLevel.TOOL_PACK, rule.getDefinedAt());
  }

  @Test
  void deleteForToolPackRemovesThePacksOverride() {
    server.enqueueEmpty(204);

    assertNull(client.standardEntityRules().deleteForToolPack(PACK_ID, "EMAIL_ADDRESS").execute());

    server.takeRequestWithoutBody("DELETE", "/tool-packs/" + PACK_ID + "/standard-entity-rules/EMAIL_ADDRESS/");
  }
}
