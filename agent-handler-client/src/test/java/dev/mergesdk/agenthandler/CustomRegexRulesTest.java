package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mergesdk.agenthandler.model.CustomRegexRule;
import dev.mergesdk.agenthandler.model.CustomRegexRuleCreate;
import dev.mergesdk.agenthandler.model.CustomRegexRuleUpdate;
import dev.mergesdk.agenthandler.model.PaginatedCustomRegexRuleList;
import dev.mergesdk.agenthandler.model.PaginatedToolPackCustomRegexRuleList;
import dev.mergesdk.agenthandler.model.RuleLevel;
import dev.mergesdk.agenthandler.model.SecurityAction;
import dev.mergesdk.agenthandler.model.ToolPackCustomRegexRule;
import dev.mergesdk.agenthandler.model.ToolPackCustomRegexRuleCreate;
import java.util.List;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CustomRegexRulesTest {
  private static final String PACK_ID = "0b8e5d2c-6a71-4f3e-9c24-5d6e7f801234";
  private static final String RULE_ID = "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a";
  private static final String PACK_RULE_ID = "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d";

  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @Test
  void listDecodesTheOrganisationRules() {
    server.enqueueFixture(200, "customRegexRules_list");

    PaginatedCustomRegexRuleList page = client.customRegexRules().list().execute();

    server.takeRequestWithoutBody("GET", "/security/custom-regex-rules/");
    CustomRegexRule rule = page.getResults().get(0);
    assertEquals("EMP-[0-9]{6}", rule.getRegex());
    assertEquals(0.8, rule.getScore());
    assertEquals(List.of("employee", "staff"), rule.getContextKeywords());
  }

  @Test
  void createSendsThePatternAndActions() {
    server.enqueueFixture(201, "customRegexRules_create");

    CustomRegexRule rule = client.customRegexRules().create(new CustomRegexRuleCreate()
        .name("Employee id").regex("EMP-[0-9]{6}").score(0.5)
        .inboundAction(SecurityAction.REDACT).outboundAction(SecurityAction.REDACT))
        .execute();

    server.takeJsonRequest("POST", "/security/custom-regex-rules/", """
        {"name": "Employee id", "regex": "EMP-[0-9]{6}", "score": 0.5,
         "inbound_action": "REDACT", "outbound_action": "REDACT"}""");
    assertEquals(RULE_ID, rule.getId());
    assertEquals(RuleLevel.ORGANIZATION, rule.getDefinedAt());
  }

  @Test
  void retrieveDecodesARuleWithoutOutboundAction() {
    server.enqueueFixture(200, "customRegexRules_retrieve");

    CustomRegexRule rule = client.customRegexRules().retrieve(RULE_ID).execute();

    server.takeRequestWithoutBody("GET", "/security/custom-regex-rules/" + RULE_ID + "/");
    assertNull(rule.getOutboundAction());
    assertEquals("Employee id", rule.getName());
  }

  @Test
  void partialUpdateSendsOnlyTheChangedFields() {
    server.enqueueFixture(200, "customRegexRules_partialUpdate");

    CustomRegexRule rule = client.customRegexRules().partialUpdate(RULE_ID, new CustomRegexRuleUpdate()
        .score(0.9).isActive(false).outboundAction(SecurityAction.BLOCK)).execute();

    server.takeJsonRequest("PATCH", "/security/custom-regex-rules/" + RULE_ID + "/",
        "{\"score\": 0.9, \"is_active\": false, \"outbound_action\": \"BLOCK\"}");
    assertFalse(rule.getIsActive());
    assertEquals(SecurityAction.BLOCK, rule.getOutboundAction());
  }

  @Test
  void deleteRemovesTheRule() {
    server.enqueueEmpty(204);

    assertNull(client.customRegexRules().delete(RULE_ID).execute());

    server.takeRequestWithoutBody("DELETE", "/security/custom-regex-rules/" + RULE_ID + "/");
  }

  @Test
  void listForToolPackFiltersByWhereTheRuleIsDefined() {
    server.enqueueFixture(200, "customRegexRules_listForToolPack");

    PaginatedToolPackCustomRegexRuleList page = client.customRegexRules().listForToolPack(PACK_ID,
        CustomRegexRulesApi.ListForToolPackParams.builder().definedAt(RuleLevel.TOOL_PACK).pageSize(20).build())
        .execute();

    server.takeRequestWithoutBody("GET",
        "/tool-packs/" + PACK_ID + "/custom-regex-rules/?defined_at=TOOL_PACK&page_size=20");
    ToolPackCustomRegexRule rule = page.getResults().get(0);
    assertEquals(PACK_RULE_ID, rule.getId());
    assertEquals(SecurityAction.LOG, rule.getOutboundAction());
    assertEquals("ticket", rule.getContextKeywords().getAsJsonArray().get(0).getAsString());
  }

  @Test
  void createForToolPackSendsEveryField() {
    server.enqueueFixture(201, "customRegexRules_createForToolPack");

    ToolPackCustomRegexRule rule = client.customRegexRules().createForToolPack(PACK_ID,
        new ToolPackCustomRegexRuleCreate().name("Ticket id").regex("TCK-[0-9]+").score(0.6)
            .contextKeywords(List.of("ticket")).isActive(true)
            .inboundAction(SecurityAction.NONE).outboundAction(SecurityAction.LOG))
        .execute();

    server.takeJsonRequest("POST", "/tool-packs/" + PACK_ID + "/custom-regex-rules/", """
        {"name": "Ticket id", "regex": "TCK-[0-9]+", "score": 0.6, "context_keywords": ["ticket"],
         "is_active": true, "inbound_action": "NONE", "outbound_action": "LOG"}""");
    assertEquals(RuleLevel.TOOL_PACK, rule.getDefinedAt());
  }

  @Test
  void retrieveForToolPackRequestsTheRuleInEffectForThePack() {
    server.enqueueFixture(200, "customRegexRules_retrieveForToolPack");

    ToolPackCustomRegexRule rule = client.customRegexRules().retrieveForToolPack(PACK_ID, RULE_ID).execute();

    server.takeRequestWithoutBody("GET", "/tool-packs/" + PACK_ID + "/custom-regex-rules/" + RULE_ID + "/");
    assertEquals(RuleLevel.ORGANIZATION, rule.getDefinedAt());
    assertEquals(0.8, rule.getScore());
  }

  @Test
  void partialUpdateForToolPackTurnsAnOrganisationRuleOffForThePack() {
    server.enqueueFixture(200, "customRegexRules_partialUpdateForToolPack");

    ToolPackCustomRegexRule rule = client.customRegexRules().partialUpdateForToolPack(PACK_ID, RULE_ID,
        new CustomRegexRuleUpdate().isActive(false)).execute();

    server.takeJsonRequest("PATCH", "/tool-packs/" + PACK_ID + "/custom-regex-rules/" + RULE_ID + "/",
        "{\"is_active\": false}");
    assertFalse(rule.getIsActive());
    assertEquals(RuleLevel.TOOL_PACK, rule.getDefinedAt());
  }

  @Test
  void deleteForToolPackRemovesThePacksRuleOrOverride() {
    server.enqueueEmpty(204);

    assertNull(client.customRegexRules().deleteForToolPack(PACK_ID, RULE_ID).execute());

    server.takeRequestWithoutBody("DELETE", "/tool-packs/" + PACK_ID + "/custom-regex-rules/" + RULE_ID + "/");
  }
}
