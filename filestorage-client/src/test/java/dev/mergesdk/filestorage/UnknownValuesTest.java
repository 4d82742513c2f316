package dev.mergesdk.filestorage;

import static dev.mergesdk.filestorage.TestClients.assertAccountToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.mergesdk.filestorage.model.File;
import dev.mergesdk.filestorage.model.PaginatedSyncStatusList;
import dev.mergesdk.filestorage.model.Permission;
import dev.mergesdk.filestorage.model.PermissionRole;
import dev.mergesdk.filestorage.model.PermissionType;
import dev.mergesdk.filestorage.model.SelectiveSyncConfigurationsUsage;
import dev.mergesdk.filestorage.model.SyncState;
import dev.mergesdk.filestorage.model.SyncStatus;
import java.util.List;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A newer server may send enum values and members this SDK version does not know. They decode without error, the
 * enum reads as UNKNOWN, and the raw JSON is kept in unknownFields() of the enclosing model.
 */
class UnknownValuesTest {
  @RegisterExtension final MergeMock server = TestClients.mock();
  private final FileStorageClient client = TestClients.client(server);

  @Test
  void unknownEnumValuesAndMembersOfNestedModelsAreKept() {
    server.enqueueJsonOffSpec(200, server.fixture("unknown_values_file"));

    File file = client.files().retrieve("d4c3b2a1-9f8e-4d7c-b6a5-4f3e2d1c0b04").execute();
    assertAccountToken(server.takeRequest("GET", "/files/d4c3b2a1-9f8e-4d7c-b6a5-4f3e2d1c0b04"));

    // Known members decode as usual.
    assertEquals("Q1 roadmap.pdf", file.getName());
    assertEquals(254321L, file.getSize());
    // Unknown members of the file keep their raw JSON.
    JsonObject fileExtras = file.unknownFields();
    assertEquals(2, fileExtras.size());
    assertTrue(fileExtras.get("starred").getAsBoolean());
    assertEquals("internal", fileExtras.getAsJsonObject("labels").get("confidentiality").getAsString());
    assertEquals("ada@example.com", fileExtras.getAsJsonObject("labels").getAsJsonArray("reviewers").get(0).getAsString());

    // A nullable enum (the permission's type) with an unknown value, and an unknown value inside an enum list.
    Permission permission = file.getPermissions().get(0).expanded().orElseThrow();
    assertEquals(PermissionType.UNKNOWN, permission.getType());
    assertEquals(List.of(PermissionRole.READ, PermissionRole.UNKNOWN), permission.getRoles());
    JsonObject permissionExtras = permission.unknownFields();
    assertEquals("DOMAIN", permissionExtras.get("type").getAsString());
    assertEquals("COMMENTER", permissionExtras.get("roles").getAsString());
    assertEquals("example.com", permissionExtras.get("domain").getAsString());
  }

  @Test
  void unknownValuesOfRequiredEnumsInAPageAreKeptPerItem() {
    server.enqueueJsonOffSpec(200, server.fixture("unknown_values_sync_status"));

    PaginatedSyncStatusList page = client.syncStatus().list().execute();
    assertAccountToken(server.takeRequest("GET", "/sync-status"));

    SyncStatus status = page.getResults().get(0);
    assertEquals(SyncState.UNKNOWN, status.getStatus());
    assertEquals(SyncState.DONE, status.getLastSyncResult());
    assertEquals(SelectiveSyncConfigurationsUsage.UNKNOWN, status.getSelectiveSyncConfigurationsUsage());
    JsonObject extras = status.unknownFields();
    assertEquals("QUEUED", extras.get("status").getAsString());
    assertEquals("IN_EVERY_SYNC", extras.get("selective_sync_configurations_usage").getAsString());
    assertEquals("INITIAL", extras.get("sync_reason").getAsString());
    assertEquals(3, extras.size(), "known values must not be copied into unknownFields: " + extras);
  }
}
