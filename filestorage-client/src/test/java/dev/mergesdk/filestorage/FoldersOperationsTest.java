package dev.mergesdk.filestorage;

import static dev.mergesdk.filestorage.TestClients.assertAccountToken;
import static dev.mergesdk.testkit.MergeMock.assertJsonBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.core.Expandable;
import dev.mergesdk.filestorage.model.Folder;
import dev.mergesdk.filestorage.model.FolderExpand;
import dev.mergesdk.filestorage.model.FolderRequest;
import dev.mergesdk.filestorage.model.FileStorageFolderEndpointRequest;
import dev.mergesdk.filestorage.model.FileStorageFolderResponse;
import dev.mergesdk.filestorage.model.MetaResponse;
import dev.mergesdk.filestorage.model.PaginatedFolderList;
import dev.mergesdk.filestorage.model.Permission;
import dev.mergesdk.filestorage.model.PermissionRole;
import dev.mergesdk.filestorage.model.PermissionType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import dev.mergesdk.testkit.RecordedCall;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FoldersOperationsTest {
  private static final String FOLDER_ID = "9b7e4c2a-1d3f-4a5b-8c6d-7e8f9a0b1c02";
  private static final String PARENT_ID = "6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e03";
  private static final String DRIVE_ID = "3f2d8c1e-7b4a-4e0f-9c2d-5a6b7c8d9e01";

  @RegisterExtension final MergeMock server = TestClients.mock();
  private final FileStorageClient client = TestClients.client(server);

  @Test
  void listFoldersSendsFiltersAndDecodesPage() {
    server.enqueueFixture(200, "folders_list");

    PaginatedFolderList page = client.folders().list(FoldersApi.ListParams.builder()
        .parentFolderId(PARENT_ID)
        .driveId(DRIVE_ID)
        .expand(FolderExpand.PARENT_FOLDER, FolderExpand.DRIVE)
        .createdBefore(OffsetDateTime.of(2024, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC))
        .remoteId("0BxPlanning")
        .build()).execute();

    RecordedCall request = server.takeRequest("GET", "/folders?created_before=2024-12-31T00%3A00%3A00Z"
        + "&drive_id=" + DRIVE_ID + "&expand=parent_folder,drive&parent_folder_id=" + PARENT_ID
        + "&remote_id=0BxPlanning");
    assertAccountToken(request);

    assertNull(page.getNext());
    Folder planning = page.getResults().get(0);
    assertEquals(FOLDER_ID, planning.getId());
    assertEquals("Planning", planning.getName());
    assertEquals(2048000L, planning.getSize());
    assertEquals(PARENT_ID, planning.getParentFolder().id());
    assertFalse(planning.getParentFolder().isExpanded());
    assertEquals(DRIVE_ID, planning.getDrive().id());
    assertEquals(OffsetDateTime.parse("2024-03-05T09:12:45.123Z"), planning.getModifiedAt());
  }

  @Test
  void createFolderSendsModelAndDecodesWriteResponse() {
    server.enqueueFixture(201, "folders_create");

    FolderRequest model = new FolderRequest()
        .name("Planning")
        .description("Plans and roadmaps")
        .parentFolder(Expandable.ofId(PARENT_ID))
        .drive(Expandable.ofId(DRIVE_ID));

    FileStorageFolderResponse response = client.folders()
        .create(new FileStorageFolderEndpointRequest().model(model),
            FoldersApi.CreateParams.builder().runAsync(true).build())
        .execute();

    RecordedCall request = server.takeRequest("POST", "/folders?run_async=true");
    assertAccountToken(request);
    assertJsonBody(request, "{\"model\": {\"name\": \"Planning\", \"description\": \"Plans and roadmaps\","
        + "\"parent_folder\": \"" + PARENT_ID + "\", \"drive\": \"" + DRIVE_ID + "\"}}");

    assertEquals(FOLDER_ID, response.getModel().getId());
    assertEquals("Planning", response.getModel().getName());
    assertTrue(response.getWarnings().isEmpty());
    assertTrue(response.getErrors().isEmpty());
    assertNull(response.getLogs());
  }

  @Test
  void retrieveFolderDecodesExpandedParentDriveAndPermissions() {
    server.enqueueFixture(200, "folders_retrieve");

    Folder folder = client.folders().retrieve(FOLDER_ID, FoldersApi.RetrieveParams.builder()
        .expand(FolderExpand.DRIVE, FolderExpand.PARENT_FOLDER, FolderExpand.PERMISSIONS)
        .includeRemoteData(true)
        .build()).execute();

    RecordedCall request = server.takeRequest("GET",
        "/folders/" + FOLDER_ID + "?expand=drive,parent_folder,permissions&include_remote_data=true");
    assertAccountToken(request);

    Folder parent = folder.getParentFolder().expanded().orElseThrow();
    assertEquals("Company", parent.getName());
    assertNull(parent.getParentFolder());
    assertEquals("Engineering", folder.getDrive().expanded().orElseThrow().getName());
    Permission groupRead = folder.getPermissions().get(0).expanded().orElseThrow();
    assertEquals(PermissionType.GROUP, groupRead.getType());
    assertEquals(List.of(PermissionRole.READ), groupRead.getRoles());
    assertEquals("1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a07", groupRead.getGroup().id());
    assertNull(groupRead.getUser());
  }

  @Test
  void foldersMetaPostDecodesRequirements() {
    server.enqueueFixture(200, "folders_metaPost");

    MetaResponse meta = client.folders().metaPost().execute();

    RecordedCall request = server.takeRequest("GET", "/folders/meta/post");
    assertAccountToken(request);

    assertTrue(meta.getHasRequiredLinkedAccountParams());
    assertEquals("name", meta.getRequestSchema().getAsJsonObject().getAsJsonObject("properties")
        .getAsJsonObject("model").getAsJsonArray("required").get(0).getAsString());
    assertNull(meta.getRemoteFields());
  }
}
