package dev.mergesdk.filestorage;

import static dev.mergesdk.testkit.MergeMock.assertJsonBody;
import static dev.mergesdk.filestorage.TestClients.assertNoAccountToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mergesdk.filestorage.model.AuditLogEvent;
import dev.mergesdk.filestorage.model.AuditLogEventType;
import dev.mergesdk.filestorage.model.AuditLogRole;
import dev.mergesdk.filestorage.model.GenerateRemoteKeyRequest;
import dev.mergesdk.filestorage.model.PaginatedAuditLogEventList;
import dev.mergesdk.filestorage.model.RemoteKey;
import dev.mergesdk.filestorage.model.RemoteKeyForRegenerationRequest;
import java.time.OffsetDateTime;
import dev.mergesdk.testkit.RecordedCall;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrgManagementOperationsTest {
  @RegisterExtension final MergeMock server = TestClients.mock();
  private final FileStorageClient client = TestClients.client(server);

  @Test
  void generateKeySendsNameWithoutAccountTokenAndMasksKey() {
    server.enqueueFixture(200, "generateKey_create");

    RemoteKey key = TestClients.clientWithoutAccountToken(server).generateKey()
        .create(new GenerateRemoteKeyRequest().name("nightly-sync")).execute();

    RecordedCall request = server.takeRequest("POST", "/generate-key");
    assertNoAccountToken(request);
    assertJsonBody(request, "{\"name\": \"nightly-sync\"}");

    assertEquals("nightly-sync", key.getName());
    assertEquals("pk_live_3Xr9Tq2Lw8Zk1Mv7", key.getKey());
    assertFalse(key.toString().contains(key.getKey()), "toString must mask the key");
  }

  @Test
  void regenerateKeySendsNameWithoutAccountToken() {
    server.enqueueFixture(200, "regenerateKey_create");

    RemoteKey key = TestClients.clientWithoutAccountToken(server).regenerateKey()
        .create(new RemoteKeyForRegenerationRequest().name("nightly-sync")).execute();

    RecordedCall request = server.takeRequest("POST", "/regenerate-key");
    assertNoAccountToken(request);
    assertJsonBody(request, "{\"name\": \"nightly-sync\"}");

    assertEquals("nightly-sync", key.getName());
    assertEquals("pk_live_8Pn4Vc6Hs0Jd5Qe2", key.getKey());
  }

  @Test
  void listAuditTrailSendsFiltersWithoutAccountTokenAndDecodesEvents() {
    server.enqueueFixture(200, "auditTrail_list");

    PaginatedAuditLogEventList page = TestClients.clientWithoutAccountToken(server).auditTrail()
        .list(AuditTrailApi.ListParams.builder()
            .eventType(AuditLogEventType.CHANGED_SCOPES.getValue())
            .startDate("2024-03-01T00:00:00Z")
            .endDate("2024-03-31T23:59:59Z")
            .userEmail("grace@example.com")
            .pageSize(20)
            .build())
        .execute();

    RecordedCall request = server.takeRequest("GET", "/audit-trail?end_date=2024-03-31T23%3A59%3A59Z"
        + "&event_type=CHANGED_SCOPES&page_size=20&start_date=2024-03-01T00%3A00%3A00Z"
        + "&user_email=grace%40example.com");
    assertNoAccountToken(request);

    assertNull(page.getNext());
    AuditLogEvent event = page.getResults().get(0);
    assertEquals("b1a2c3d4-e5f6-4789-8abc-def012345613", event.getId());
    assertEquals(AuditLogRole.ADMIN, event.getRole());
    assertEquals(AuditLogEventType.CHANGED_SCOPES, event.getEventType());
    assertEquals("203.0.113.7", event.getIpAddress());
    assertEquals("Grace Hopper", event.getUserName());
    assertEquals(OffsetDateTime.parse("2024-03-04T12:30:00.123456Z"), event.getCreatedAt());
  }
}
