package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mergesdk.agenthandler.model.AuditEventType;
import dev.mergesdk.agenthandler.model.AuditLogEvent;
import dev.mergesdk.agenthandler.model.PaginatedAuditLogEventList;
import java.time.OffsetDateTime;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuditLogTest {
  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @Test
  void listSendsTimeRangeEventTypeAndActorFilters() {
    server.enqueueFixture(200, "auditLog_list");

    PaginatedAuditLogEventList page = client.auditLog().list(AuditLogApi.ListParams.builder()
        .createdAfter(OffsetDateTime.parse("2026-03-01T00:00:00Z"))
        .createdBefore(OffsetDateTime.parse("2026-03-04T00:00:00Z"))
        .eventType(AuditEventType.TOOL_PACK_CREATED)
        .userId("11111111-2222-4333-8444-555555555555")
        .build()).execute();

    server.takeRequestWithoutBody("GET", "/audit-log/?created_after=2026-03-01T00%3A00%3A00Z"
        + "&created_before=2026-03-04T00%3A00%3A00Z&event_type=TOOL_PACK_CREATED"
        + "&user_id=11111111-2222-4333-8444-555555555555");
    AuditLogEvent event = page.getResults().get(0);
    assertEquals(AuditEventType.TOOL_PACK_CREATED, event.getEventType());
    assertEquals("grace@example.com", event.getUserEmail());
    assertEquals("203.0.113.7", event.getIpAddress());
    assertEquals(OffsetDateTime.parse("2026-03-03T12:00:00Z"), event.getCreatedAt());
  }
}
