package dev.mergesdk.filestorage;

import static dev.mergesdk.filestorage.TestClients.assertAccountToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.filestorage.model.Drive;
import dev.mergesdk.filestorage.model.PaginatedDriveList;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import dev.mergesdk.testkit.RecordedCall;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DrivesOperationsTest {
  @RegisterExtension final MergeMock server = TestClients.mock();
  private final FileStorageClient client = TestClients.client(server);

  @Test
  void listDrivesSendsFiltersAndDecodesPage() {
    server.enqueueFixture(200, "drives_list");

    PaginatedDriveList page = client.drives().list(DrivesApi.ListParams.builder()
        .createdAfter(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
        .modifiedBefore(OffsetDateTime.of(2024, 6, 30, 23, 59, 59, 0, ZoneOffset.UTC))
        .includeDeletedData(true)
        .includeRemoteData(false)
        .includeShellData(true)
        .name("Engineering")
        .remoteId("0AFmQ3xYz9Uk9PVA")
        .pageSize(50)
        .cursor("abc")
        .build()).execute();

    RecordedCall request = server.takeRequest("GET", "/drives?created_after=2024-01-01T00%3A00%3A00Z&cursor=abc"
        + "&include_deleted_data=true&include_remote_data=false&include_shell_data=true"
        + "&modified_before=2024-06-30T23%3A59%3A59Z&name=Engineering&page_size=50&remote_id=0AFmQ3xYz9Uk9PVA");
    // Date-times always carry seconds and an offset (never the shortened 2024-01-01T00:00Z).
    assertEquals("2024-01-01T00:00:00Z", request.queryParameter("created_after"));
    assertEquals("2024-06-30T23:59:59Z", request.queryParameter("modified_before"));
    assertAccountToken(request);
    assertEquals(0, request.bodySize(), "request body size");

    assertEquals("cD0yMDI0LTAzLTA1KzA5JTNBMTIlM0E0NS4xMjM0NTYlMkIwMCUzQTAw", page.getNext());
    assertNull(page.getPrevious());
    assertEquals(2, page.getResults().size());
    Drive engineering = page.getResults().get(0);
    assertEquals("3f2d8c1e-7b4a-4e0f-9c2d-5a6b7c8d9e01", engineering.getId());
    assertEquals("Engineering", engineering.getName());
    assertEquals(1073741824L, engineering.getSize());
    assertEquals(OffsetDateTime.parse("2024-03-05T09:12:45.123456Z"), engineering.getModifiedAt());
    assertTrue(engineering.getFieldMappings().getAsJsonObject().has("organization_defined_targets"));
    Drive marketing = page.getResults().get(1);
    assertTrue(marketing.getRemoteWasDeleted());
    assertNull(marketing.getDriveUrl());
    assertNull(marketing.getSize());
  }

  @Test
  void retrieveDriveEncodesIdAndDecodesRemoteData() {
    server.enqueueFixture(200, "drives_retrieve");

    Drive drive = client.drives().retrieve("3f2d8c1e-7b4a-4e0f-9c2d-5a6b7c8d9e01",
        DrivesApi.RetrieveParams.builder().includeRemoteData(true).build()).execute();

    RecordedCall request = server.takeRequest("GET",
        "/drives/3f2d8c1e-7b4a-4e0f-9c2d-5a6b7c8d9e01?include_remote_data=true");
    assertAccountToken(request);

    assertEquals("Engineering", drive.getName());
    assertEquals(OffsetDateTime.parse("2021-06-14T08:30:00Z"), drive.getRemoteCreatedAt());
    assertFalse(drive.getRemoteWasDeleted());
    assertEquals(1, drive.getRemoteData().size());
    assertEquals("/drive/v3/drives/0AFmQ3xYz9Uk9PVA", drive.getRemoteData().get(0).getPath());
    assertEquals("drive#drive", drive.getRemoteData().get(0).getData().getAsJsonObject().get("kind").getAsString());
  }
}
