package dev.mergesdk.filestorage;

import static dev.mergesdk.filestorage.TestClients.assertAccountToken;
import static dev.mergesdk.testkit.MergeMock.assertJsonBody;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.mergesdk.core.Download;
import dev.mergesdk.core.Expandable;
import dev.mergesdk.core.RequestOptions;
import dev.mergesdk.filestorage.model.DownloadRequestMeta;
import dev.mergesdk.filestorage.model.File;
import dev.mergesdk.filestorage.model.FileExpand;
import dev.mergesdk.filestorage.model.FileOrderBy;
import dev.mergesdk.filestorage.model.FileRequest;
import dev.mergesdk.filestorage.model.FileStorageFileEndpointRequest;
import dev.mergesdk.filestorage.model.FileStorageFileResponse;
import dev.mergesdk.filestorage.model.MetaResponse;
import dev.mergesdk.filestorage.model.PaginatedDownloadRequestMetaList;
import dev.mergesdk.filestorage.model.PaginatedFileList;
import dev.mergesdk.filestorage.model.Permission;
import dev.mergesdk.filestorage.model.PermissionRequest;
import dev.mergesdk.filestorage.model.PermissionRole;
import dev.mergesdk.filestorage.model.PermissionType;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockResponse;
import dev.mergesdk.testkit.RecordedCall;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FilesOperationsTest {
  private static final String FILE_ID = "d4c3b2a1-9f8e-4d7c-b6a5-4f3e2d1c0b04";
  private static final String FOLDER_ID = "9b7e4c2a-1d3f-4a5b-8c6d-7e8f9a0b1c02";
  private static final String DRIVE_ID = "3f2d8c1e-7b4a-4e0f-9c2d-5a6b7c8d9e01";

  @RegisterExtension final MergeMock server = TestClients.mock();
  private final FileStorageClient client = TestClients.client(server);

  @Test
  void listFilesSendsFiltersAndDecodesPage() {
    server.enqueueFixture(200, "files_list");

    PaginatedFileList page = client.files().list(FilesApi.ListParams.builder()
        .expand(FileExpand.DRIVE, FileExpand.FOLDER)
        .driveId(DRIVE_ID)
        .folderId("null")
        .mimeType("application/pdf,image/png")
        .modifiedAfter(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
        .remoteCreatedBefore(OffsetDateTime.of(2024, 3, 1, 12, 30, 0, 0, ZoneOffset.ofHours(2)))
        .orderBy(FileOrderBy.MODIFIED_AT_DESCENDING)
        .pageSize(2)
        .build()).execute();

    RecordedCall request = server.takeRequest("GET", "/files?drive_id=" + DRIVE_ID
        + "&expand=drive,folder&folder_id=null&mime_type=application%2Fpdf%2Cimage%2Fpng"
        + "&modified_after=2024-01-01T00%3A00%3A00Z&order_by=-modified_at&page_size=2"
        + "&remote_created_before=2024-03-01T12%3A30%3A00%2B02%3A00");
    assertEquals("drive,folder", request.queryParameter("expand"));
    assertEquals("2024-01-01T00:00:00Z", request.queryParameter("modified_after"));
    assertEquals("2024-03-01T12:30:00+02:00", request.queryParameter("remote_created_before"));
    assertEquals("application/pdf,image/png", request.queryParameter("mime_type"));
    assertAccountToken(request);
    assertEquals(0, request.bodySize(), "request body size");

    assertEquals("cD0yMDI0LTAzLTA2KzE2JTNBMjAlM0EwMC41MDAwMDAlMkIwMCUzQTAw", page.getNext());
    assertEquals(2, page.getResults().size());
    File roadmap = page.getResults().get(0);
    assertEquals(FILE_ID, roadmap.getId());
    assertEquals("Q1 roadmap.pdf", roadmap.getName());
    assertEquals(254321L, roadmap.getSize());
    assertEquals("application/pdf", roadmap.getMimeType());
    assertEquals(OffsetDateTime.parse("2024-03-06T16:20:00.5Z"), roadmap.getModifiedAt());
    assertTrue(roadmap.getFolder().isExpanded());
    assertEquals(FOLDER_ID, roadmap.getFolder().id());
    assertEquals("Planning", roadmap.getFolder().expanded().orElseThrow().getName());
    assertEquals("6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e03", roadmap.getFolder().expanded().orElseThrow().getParentFolder().id());
    assertEquals(DRIVE_ID, roadmap.getDrive().id());
    assertEquals("Engineering", roadmap.getDrive().expanded().orElseThrow().getName());
    assertFalse(roadmap.getPermissions().get(0).isExpanded());
    assertEquals("e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a805", roadmap.getPermissions().get(0).id());
    assertEquals("md5", roadmap.getChecksum().getAsJsonObject().get("type").getAsString());
    File photo = page.getResults().get(1);
    assertNull(photo.getFolder());
    assertTrue(photo.getChecksum().isJsonNull(), "free-form JSON keeps an explicit null as JsonNull");
    assertEquals(5242880L, photo.getSize());
  }

  @Test
  void createFileSendsModelAndIdempotencyKeyAndDecodesWriteResponse() {
    server.enqueueFixture(201, "files_create");

    PermissionRequest permission = new PermissionRequest()
        .type(PermissionType.USER)
        .user(Expandable.ofId("7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c06"))
        .roles(List.of(PermissionRole.READ, PermissionRole.WRITE));
    JsonObject integrationParams = new JsonObject();
    integrationParams.addProperty("keep_revision_forever", true);
    FileRequest model = new FileRequest()
        .name("Q1 roadmap.pdf")
        .fileUrl("https://example.com/exports/q1-roadmap.pdf")
        .mimeType("application/pdf")
        .size(254321L)
        .folder(Expandable.ofId(FOLDER_ID))
        .drive(Expandable.ofId(DRIVE_ID))
        .permissions(List.of(Expandable.of(permission), Expandable.ofId("e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a805")))
        .integrationParams(integrationParams);

    FileStorageFileResponse response = client.files()
        .create(new FileStorageFileEndpointRequest().model(model),
            FilesApi.CreateParams.builder().isDebugMode(true).runAsync(false).build())
        .with(RequestOptions.builder().idempotencyKey("6f1c2f34-5e1b-4b9e-9d55-0c3a1e2b7f10").build())
        .execute();

    RecordedCall request = server.takeRequest("POST", "/files?is_debug_mode=true&run_async=false");
    assertAccountToken(request);
    assertEquals("6f1c2f34-5e1b-4b9e-9d55-0c3a1e2b7f10", request.header("Idempotency-Key"));
    assertJsonBody(request, "{\"model\": {"
        + "\"name\": \"Q1 roadmap.pdf\", \"file_url\": \"https://example.com/exports/q1-roadmap.pdf\","
        + "\"mime_type\": \"application/pdf\", \"size\": 254321,"
        + "\"folder\": \"" + FOLDER_ID + "\", \"drive\": \"" + DRIVE_ID + "\","
        + "\"permissions\": [{\"type\": \"USER\", \"user\": \"7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c06\","
        + "\"roles\": [\"READ\", \"WRITE\"]}, \"e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a805\"],"
        + "\"integration_params\": {\"keep_revision_forever\": true}}}");

    assertEquals(FILE_ID, response.getModel().getId());
    assertEquals(FOLDER_ID, response.getModel().getFolder().id());
    assertTrue(response.getErrors().isEmpty());
    assertEquals(1, response.getWarnings().size());
    assertEquals("UNRECOGNIZED_FIELD", response.getWarnings().get(0).getProblemType());
    assertEquals("/model/description", response.getWarnings().get(0).getSource().getPointer());
    assertEquals(200, response.getLogs().get(0).getLogSummary().getStatusCode());
  }

  @Test
  void retrieveFileSendsExpandAndDecodesExpandedReferences() {
    server.enqueueFixture(200, "files_retrieve");

    File file = client.files().retrieve(FILE_ID, FilesApi.RetrieveParams.builder()
        .expand(FileExpand.FOLDER, FileExpand.PERMISSIONS)
        .includeShellData(false)
        .build()).execute();

    RecordedCall request = server.takeRequest("GET",
        "/files/" + FILE_ID + "?expand=folder,permissions&include_shell_data=false");
    assertAccountToken(request);

    assertEquals("Planning", file.getFolder().expanded().orElseThrow().getName());
    assertFalse(file.getDrive().isExpanded());
    assertEquals(DRIVE_ID, file.getDrive().id());
    Permission owner = file.getPermissions().get(0).expanded().orElseThrow();
    assertEquals(PermissionType.USER, owner.getType());
    assertEquals(List.of(PermissionRole.OWNER, PermissionRole.WRITE), owner.getRoles());
    assertEquals("7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c06", owner.getUser().id());
    assertNull(owner.getGroup());
    assertEquals("internal", file.getFieldMappings().getAsJsonObject()
        .getAsJsonObject("organization_defined_targets").get("confidentiality").getAsString());
    assertEquals("https://lh3.googleusercontent.com/d/1xZq9Lm3Np7Rs2Tu=s220", file.getFileThumbnailUrl());
  }

  @Test
  void downloadFileRequestsExportFormatAndStreamsBytes() throws Exception {
    byte[] pdf = "%PDF-1.7\nfake content\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/pdf")
        .addHeader("Content-Disposition", "attachment; filename=\"Q1 roadmap.pdf\"")
        .body(new okio.Buffer().write(pdf))
        .build());

    try (Download download = client.files().download(FILE_ID, FilesApi.DownloadParams.builder()
        .mimeType("application/pdf")
        .includeShellData(true)
        .build()).execute()) {
      RecordedCall request = server.takeRequest("GET",
          "/files/" + FILE_ID + "/download?include_shell_data=true&mime_type=application%2Fpdf");
      assertAccountToken(request);
      assertEquals("application/pdf", download.contentType().orElseThrow());
      assertEquals(pdf.length, download.contentLength());
      assertEquals("Q1 roadmap.pdf", download.fileName().orElseThrow());
      assertArrayEquals(pdf, download.inputStream().readAllBytes());
    }
  }

  @Test
  void downloadRequestMetaForOneFileDecodesUrlMethodAndHeaders() {
    server.enqueueFixture(200, "files_downloadRequestMeta");

    DownloadRequestMeta meta = client.files().downloadRequestMeta(FILE_ID,
        FilesApi.DownloadRequestMetaParams.builder().mimeType("text/plain").build()).execute();

    RecordedCall request = server.takeRequest("GET",
        "/files/" + FILE_ID + "/download/request-meta?mime_type=text%2Fplain");
    assertAccountToken(request);

    assertEquals(FILE_ID, meta.getId());
    assertEquals("https://www.googleapis.com/drive/v3/files/1xZq9Lm3Np7Rs2Tu?alt=media", meta.getUrl());
    assertEquals("GET", meta.getMethod());
    assertTrue(meta.getHeaders().getAsJsonObject().has("Authorization"));
  }

  @Test
  void downloadRequestMetaListSendsIdsAsOneCommaSeparatedValue() {
    server.enqueueFixture(200, "files_downloadRequestMetaList");

    PaginatedDownloadRequestMetaList page = client.files().downloadRequestMetaList(
        FilesApi.DownloadRequestMetaListParams.builder()
            .ids(FILE_ID, "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c14")
            .mimeTypes("application/pdf,text/plain")
            .modifiedAfter("2024-01-01T00:00:00Z")
            .includeDeletedData(false)
            .orderBy(FileOrderBy.CREATED_AT_ASCENDING)
            .pageSize(100)
            .build()).execute();

    RecordedCall request = server.takeRequest("GET", "/files/download/request-meta?ids=" + FILE_ID
        + ",0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c14&include_deleted_data=false"
        + "&mime_types=application%2Fpdf%2Ctext%2Fplain&modified_after=2024-01-01T00%3A00%3A00Z"
        + "&order_by=created_at&page_size=100");
    assertAccountToken(request);

    assertNull(page.getNext());
    assertEquals(1, page.getResults().size());
    assertEquals(FILE_ID, page.getResults().get(0).getId());
    assertEquals("GET", page.getResults().get(0).getMethod());
  }

  @Test
  void filesMetaPostDecodesRequestSchemaAndStatus() {
    server.enqueueFixture(200, "files_metaPost");

    MetaResponse meta = client.files().metaPost().execute();

    RecordedCall request = server.takeRequest("GET", "/files/meta/post");
    assertAccountToken(request);

    assertTrue(meta.getRequestSchema().getAsJsonObject().getAsJsonObject("properties").has("model"));
    assertEquals("COMPLETE", meta.getStatus().getLinkedAccountStatus());
    assertTrue(meta.getStatus().getCanMakeRequest());
    assertFalse(meta.getHasConditionalParams());
    assertFalse(meta.getHasRequiredLinkedAccountParams());
    assertTrue(meta.getRemoteFields().isEmpty());
  }
}
