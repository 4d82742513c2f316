package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.mergesdk.agenthandler.model.AccessKey;
import dev.mergesdk.agenthandler.model.AccessKeyScope;
import dev.mergesdk.agenthandler.model.AuditEventType;
import dev.mergesdk.agenthandler.model.AuditLogEvent;
import dev.mergesdk.agenthandler.model.PaginatedAuditLogEventList;
import dev.mergesdk.agenthandler.model.RegisteredUser;
import dev.mergesdk.agenthandler.model.RuleLevel;
import dev.mergesdk.agenthandler.model.SecurityAction;
import dev.mergesdk.agenthandler.model.StandardEntityRule;
import dev.mergesdk.agenthandler.model.UserType;
import java.util.List;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Values and fields a newer API sends never break decoding; they are kept, raw, in unknownFields(). */
class UnknownValuesTest {
  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @Test
  void anUnknownEnumValueAndUnknownFieldsAreKeptAtEveryLevel() {
    server.enqueueFixture(200, "registeredUsers_retrieve.unknown-values");

    RegisteredUser user = client.registeredUsers().retrieve("7f1c2a9e-3b4d-4c5e-8f60-1a2b3c4d5e6f").execute();

    server.takeRequest("GET", "/registered-users/7f1c2a9e-3b4d-4c5e-8f60-1a2b3c4d5e6f/");
    assertEquals("Billing bot", user.getOriginUserName());
    assertEquals(List.of("slack"), user.getAuthenticatedConnectors());
    assertEquals(UserType.UNKNOWN, user.getUserType());
    JsonObject unknown = user.unknownFields();
    assertEquals("SERVICE_ACCOUNT", unknown.get("user_type").getAsString());
    assertEquals("2026-04-01T00:00:00Z", unknown.get("created_at").getAsString());
    assertEquals(3, unknown.getAsJsonObject("metadata").getAsJsonArray("seats").size());
    assertEquals("eu-west-1", user.getSharedCredentialGroup().unknownFields().get("data_region").getAsString());
    assertEquals("acme", user.getSharedCredentialGroup().getOriginCompanyId());
  }

  @Test
  void anUnknownValueInsideAnEnumListIsKeptBesideTheKnownOnes() {
    server.enqueueFixture(200, "accessKeys_retrieve.unknown-values");

    AccessKey key = client.accessKeys().retrieve("3c9d8e7f-1a2b-4c3d-8e4f-5a6b7c8d9e0f").execute();

    server.takeRequest("GET", "/access-keys/3c9d8e7f-1a2b-4c3d-8e4f-5a6b7c8d9e0f/");
    assertEquals(List.of(AccessKeyScope.RUNTIME_ALL, AccessKeyScope.UNKNOWN), key.getScopes());
    assertEquals("billing:read", key.unknownFields().get("scopes").getAsString());
    assertEquals("2026-03-09T08:30:00Z", key.unknownFields().get("last_used_at").getAsString());
  }

  @Test
  void anUnknownValueOfANullableEnumIsKeptRatherThanReadAsNull() {
    server.enqueueFixture(200, "standardEntityRules_retrieve.unknown-values");

    StandardEntityRule rule = client.standardEntityRules().retrieve("IBAN_CODE").execute();

    server.takeRequest("GET", "/security/standard-entity-rules/IBAN_CODE/");
    assertEquals(SecurityAction.UNKNOWN, rule.getOutboundAction());
    assertEquals(RuleLevel.UNKNOWN, rule.getDefinedAt());
    JsonObject unknown = rule.unknownFields();
    assertEquals("QUARANTINE", unknown.get("outbound_action").getAsString());
    assertEquals("GLOBAL_DEFAULT", unknown.get("defined_at").getAsString());
    assertEquals("REDACT", unknown.get("inbound_action").getAsString());
    assertTrue(rule.getIsActive());
  }

  @Test
  void aNewAuditEventTypeDoesNotStopTheRestOfThePageFromDecoding() {
    server.enqueueFixture(200, "auditLog_list.unknown-values");

    PaginatedAuditLogEventList page = client.auditLog().list().execute();

    server.takeRequest("GET", "/audit-log/");
    assertEquals("2026-03-10T00:00:00Z", page.unknownFields().get("generated_at").getAsString());
    AuditLogEvent claimed = page.getResults().get(0);
    assertEquals(AuditEventType.UNKNOWN, claimed.getEventType());
    assertEquals("AGENT_ORGANIZATION_CLAIMED", claimed.unknownFields().get("event_type").getAsString());
    assertEquals("agent", claimed.unknownFields().getAsJsonObject("actor").get("kind").getAsString());
    AuditLogEvent updated = page.getResults().get(1);
    assertEquals(AuditEventType.TOOL_PACK_UPDATED, updated.getEventType());
    assertEquals(0, updated.unknownFields().size());
  }
}
