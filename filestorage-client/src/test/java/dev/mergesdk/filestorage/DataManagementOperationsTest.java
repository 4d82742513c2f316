package dev.mergesdk.filestorage;

import static dev.mergesdk.filestorage.TestClients.assertAccountToken;
import static dev.mergesdk.testkit.MergeMock.assertJsonBody;
import static dev.mergesdk.filestorage.TestClients.assertNoAccountToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.mergesdk.core.internal.Json;
import dev.mergesdk.filestorage.model.AsyncPassthroughReceipt;
import dev.mergesdk.filestorage.model.CommonModelScopeAPI;
import dev.mergesdk.filestorage.model.DataPassthroughRequest;
import dev.mergesdk.filestorage.model.FieldPermissionDeserializerRequest;
import dev.mergesdk.filestorage.model.IndividualCommonModelScopeDeserializer;
import dev.mergesdk.filestorage.model.IndividualCommonModelScopeDeserializerRequest;
import dev.mergesdk.filestorage.model.LinkedAccountCommonModelScopeDeserializerRequest;
import dev.mergesdk.filestorage.model.ModelPermissionDeserializerRequest;
import dev.mergesdk.filestorage.model.PaginatedSyncStatusList;
import dev.mergesdk.filestorage.model.PassthroughMethod;
import dev.mergesdk.filestorage.model.RemoteResponse;
import dev.mergesdk.filestorage.model.RequestFormat;
import dev.mergesdk.filestorage.model.ResponseType;
import dev.mergesdk.filestorage.model.SelectiveSyncConfigurationsUsage;
import dev.mergesdk.filestorage.model.SyncState;
import dev.mergesdk.filestorage.model.SyncStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import dev.mergesdk.testkit.RecordedCall;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DataManagementOperationsTest {
  private static final String RECEIPT_ID = "4c3b2a19-0817-4e6d-b5c4-a3b2c1d0e912";

  @RegisterExtension final MergeMock server = TestClients.mock();
  private final FileStorageClient client = TestClients.client(server);

  @Test
  void retrieveDefaultScopesWithoutAccountToken() {
    server.enqueueFixture(200, "defaultScopes_retrieve");

    CommonModelScopeAPI scopes = TestClients.clientWithoutAccountToken(server).defaultScopes().retrieve().execute();

    RecordedCall request = server.takeRequest("GET", "/default-scopes");
    assertNoAccountToken(request);

    assertEquals(2, scopes.getCommonModels().size());
    IndividualCommonModelScopeDeserializer file = scopes.getCommonModels().get(0);
    assertEquals("File", file.getModelName());
    assertTrue(file.getModelPermissions().get("READ").getIsEnabled());
    assertFalse(file.getModelPermissions().get("WRITE").getIsEnabled());
    assertEquals(new JsonPrimitive("description"), file.getFieldPermissions().getDisabledFields().get(0));
  }

  @Test
  void retrieveLinkedAccountScopesSendsAccountToken() {
    server.enqueueFixture(200, "linkedAccountScopes_retrieve");

    CommonModelScopeAPI scopes = client.linkedAccountScopes().retrieve().execute();

    RecordedCall request = server.takeRequest("GET", "/linked-account-scopes");
    assertAccountToken(request);

    assertEquals("File", scopes.getCommonModels().get(0).getModelName());
    assertTrue(scopes.getCommonModels().get(0).getModelPermissions().get("WRITE").getIsEnabled());
    assertEquals(2, scopes.getCommonModels().get(0).getFieldPermissions().getEnabledFields().size());
  }

  @Test
  void updateLinkedAccountScopesSendsOnlyTheGivenModels() {
    server.enqueueFixture(200, "linkedAccountScopes_create");

    LinkedAccountCommonModelScopeDeserializerRequest change = new LinkedAccountCommonModelScopeDeserializerRequest()
        .commonModels(List.of(new IndividualCommonModelScopeDeserializerRequest()
            .modelName("File")
            .modelPermissions(Map.of("WRITE", new ModelPermissionDeserializerRequest().isEnabled(false)))
            .fieldPermissions(new FieldPermissionDeserializerRequest()
                .disabledFields(List.of(new JsonPrimitive("description"))))));

    CommonModelScopeAPI scopes = client.linkedAccountScopes().create(change).execute();

    RecordedCall request = server.takeRequest("POST", "/linked-account-scopes");
    assertAccountToken(request);
    assertJsonBody(request, "{\"common_models\": [{\"model_name\": \"File\","
        + "\"model_permissions\": {\"WRITE\": {\"is_enabled\": false}},"
        + "\"field_permissions\": {\"disabled_fields\": [\"description\"]}}]}");

    assertFalse(scopes.getCommonModels().get(0).getModelPermissions().get("WRITE").getIsEnabled());
  }

  @Test
  void listSyncStatusSendsPagingAndDecodesStates() {
    server.enqueueFixture(200, "syncStatus_list");

    PaginatedSyncStatusList page = client.syncStatus()
        .list(SyncStatusApi.ListParams.builder().cursor("c1").pageSize(25).build()).execute();

    RecordedCall request = server.takeRequest("GET", "/sync-status?cursor=c1&page_size=25");
    assertAccountToken(request);

    SyncStatus file = page.getResults().get(0);
    assertEquals("File", file.getModelName());
    assertEquals("filestorage.FileStorageFile", file.getModelId());
    assertEquals(SyncState.DONE, file.getStatus());
    assertEquals(SyncState.DONE, file.getLastSyncResult());
    assertEquals(OffsetDateTime.parse("2024-03-06T06:04:31.772Z"), file.getLastSyncFinished());
    assertFalse(file.getIsInitialSync());
    assertEquals(SelectiveSyncConfigurationsUsage.IN_LAST_SYNC, file.getSelectiveSyncConfigurationsUsage());
  }

  @Test
  void forceResyncPostsWithoutBodyAndDecodesBareArray() {
    server.enqueueFixture(200, "syncStatus_resync");

    List<SyncStatus> states = client.syncStatus().resync().execute();

    RecordedCall request = server.takeRequest("POST", "/sync-status/resync");
    assertAccountToken(request);
    assertEquals(0, request.bodySize(), "request body size");

    assertEquals(1, states.size());
    assertEquals(SyncState.SYNCING, states.get(0).getStatus());
    assertNull(states.get(0).getNextSyncStart());
  }

  @Test
  void passthroughSendsProviderRequestAndDecodesProviderAnswer() {
    server.enqueueFixture(200, "passthrough_create");

    JsonObject headers = new JsonObject();
    headers.addProperty("Content-Type", "application/json");
    RemoteResponse response = client.passthrough().create(new DataPassthroughRequest()
        .method(PassthroughMethod.GET)
        .path("/drive/v3/about?fields=storageQuota")
        .requestFormat(RequestFormat.JSON)
        .headers(headers)).execute();

    RecordedCall request = server.takeRequest("POST", "/passthrough");
    assertAccountToken(request);
    assertJsonBody(request, "{\"method\": \"GET\", \"path\": \"/drive/v3/about?fields=storageQuota\","
        + "\"request_format\": \"JSON\", \"headers\": {\"Content-Type\": \"application/json\"}}");

    assertEquals(200, response.getStatus());
    assertEquals("GET", response.getMethod());
    assertEquals(ResponseType.JSON, response.getResponseType());
    assertEquals("16106127360", response.getResponse().getAsJsonObject()
        .getAsJsonObject("storageQuota").get("limit").getAsString());
  }

  @Test
  void asyncPassthroughQueuesRequestAndReturnsReceipt() {
    server.enqueueFixture(200, "asyncPassthrough_create");

    AsyncPassthroughReceipt receipt = client.asyncPassthrough().create(new DataPassthroughRequest()
        .method(PassthroughMethod.POST)
        .path("/drive/v3/files")
        .data("{\"name\": \"notes.txt\"}")
        .requestFormat(RequestFormat.JSON)).execute();

    RecordedCall request = server.takeRequest("POST", "/async-passthrough");
    assertAccountToken(request);
    assertJsonBody(request, "{\"method\": \"POST\", \"path\": \"/drive/v3/files\","
        + "\"data\": \"{\\\"name\\\": \\\"notes.txt\\\"}\", \"request_format\": \"JSON\"}");

    assertEquals(RECEIPT_ID, receipt.getAsyncPassthroughReceiptId());
  }

  @Test
  void retrieveAsyncPassthroughAcceptsRemoteResponseOrStatusString() {
    server.enqueueFixture(200, "asyncPassthrough_retrieve");
    server.enqueueJson(200, "\"Request is still being processed.\"");

    JsonElement done = client.asyncPassthrough().retrieve(RECEIPT_ID).execute();
    JsonElement pending = client.asyncPassthrough().retrieve(RECEIPT_ID).execute();

    for (int i = 0; i < 2; i++) {
      RecordedCall request = server.takeRequest("GET", "/async-passthrough/" + RECEIPT_ID);
      assertAccountToken(request);
    }
    RemoteResponse response = Json.gson().fromJson(done, RemoteResponse.class);
    assertEquals(200, response.getStatus());
    assertEquals("/drive/v3/files", response.getPath());
    assertEquals("notes.txt", response.getResponse().getAsJsonObject().get("name").getAsString());
    assertEquals("Request is still being processed.", pending.getAsString());
  }
}
