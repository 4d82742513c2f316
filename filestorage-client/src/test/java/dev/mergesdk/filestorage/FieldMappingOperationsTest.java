package dev.mergesdk.filestorage;

import static dev.mergesdk.filestorage.TestClients.assertAccountToken;
import static dev.mergesdk.testkit.MergeMock.assertJsonBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonPrimitive;
import dev.mergesdk.core.ApiResponse;
import dev.mergesdk.filestorage.model.CreateFieldMappingRequest;
import dev.mergesdk.filestorage.model.CreateTargetFieldRequest;
import dev.mergesdk.filestorage.model.ExternalTargetFieldAPIResponse;
import dev.mergesdk.filestorage.model.FieldMappingApiInstance;
import dev.mergesdk.filestorage.model.FieldMappingApiInstanceResponse;
import dev.mergesdk.filestorage.model.FieldMappingInstanceResponse;
import dev.mergesdk.filestorage.model.PatchedEditFieldMappingRequest;
import dev.mergesdk.filestorage.model.RemoteFieldAPI;
import dev.mergesdk.filestorage.model.RemoteFieldAPIResponse;
import java.util.List;
import dev.mergesdk.testkit.RecordedCall;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FieldMappingOperationsTest {
  private static final String MAPPING_ID = "8f7e6d5c-4b3a-4291-a0f9-e8d7c6b5a411";

  @RegisterExtension final MergeMock server = TestClients.mock();
  private final FileStorageClient client = TestClients.client(server);

  @Test
  void listFieldMappingsDecodesMappingsPerCommonModel() {
    server.enqueueFixture(200, "fieldMappings_retrieve");

    FieldMappingApiInstanceResponse mappings = client.fieldMappings()
        .retrieve(FieldMappingsApi.RetrieveParams.builder().excludeRemoteFieldMetadata(true).build()).execute();

    RecordedCall request = server.takeRequest("GET", "/field-mappings?exclude_remote_field_metadata=true");
    assertAccountToken(request);

    assertEquals(1, mappings.getFile().size());
    FieldMappingApiInstance mapping = mappings.getFile().get(0);
    assertEquals(MAPPING_ID, mapping.getId());
    assertFalse(mapping.getIsIntegrationWide());
    assertEquals("confidentiality", mapping.getTargetField().getName());
    assertTrue(mapping.getTargetField().getIsOrganizationWide());
    assertEquals("labels", mapping.getRemoteField().getRemoteKeyName());
    assertEquals("/drive/v3/files", mapping.getRemoteField().getRemoteEndpointInfo().getUrlPath());
    assertEquals(List.of("labels"), mapping.getRemoteField().getRemoteEndpointInfo().getFieldTraversalPath());
    assertNull(mapping.getJmesPath());
    assertTrue(mappings.getFolder().isEmpty());
  }

  @Test
  void createFieldMappingSendsDefinitionAndQueryOptions() {
    server.enqueueFixture(201, "fieldMappings_create");

    CreateFieldMappingRequest definition = new CreateFieldMappingRequest()
        .targetFieldName("confidentiality")
        .targetFieldDescription("Sensitivity label of the file")
        .remoteFieldTraversalPath(List.of(new JsonPrimitive("labels")))
        .remoteMethod("GET")
        .remoteUrlPath("/drive/v3/files")
        .commonModelName("File");

    FieldMappingInstanceResponse response = client.fieldMappings().create(definition,
        FieldMappingsApi.CreateParams.builder().remoteDataIterationCount(500).excludeRemoteFieldMetadata(false).build())
        .execute();

    RecordedCall request = server.takeRequest("POST",
        "/field-mappings?exclude_remote_field_metadata=false&remote_data_iteration_count=500");
    assertAccountToken(request);
    assertJsonBody(request, "{\"target_field_name\": \"confidentiality\","
        + "\"target_field_description\": \"Sensitivity label of the file\","
        + "\"remote_field_traversal_path\": [\"labels\"], \"remote_method\": \"GET\","
        + "\"remote_url_path\": \"/drive/v3/files\", \"common_model_name\": \"File\", \"is_integration_wide\": false}");

    assertEquals(MAPPING_ID, response.getModel().getId());
    assertEquals("confidentiality", response.getModel().getTargetField().getName());
    assertTrue(response.getWarnings().isEmpty());
    assertTrue(response.getErrors().isEmpty());
  }

  @Test
  void partialUpdateSendsOnlyTheFieldsThatWereSet() {
    server.enqueueFixture(200, "fieldMappings_partialUpdate");

    PatchedEditFieldMappingRequest change = new PatchedEditFieldMappingRequest()
        .remoteFieldTraversalPath(List.of(new JsonPrimitive("properties"), new JsonPrimitive("classification")));

    FieldMappingInstanceResponse response = client.fieldMappings().partialUpdate(MAPPING_ID, change,
        FieldMappingsApi.PartialUpdateParams.builder().remoteDataIterationCount(100).build()).execute();

    RecordedCall request = server.takeRequest("PATCH",
        "/field-mappings/" + MAPPING_ID + "?remote_data_iteration_count=100");
    assertAccountToken(request);
    assertJsonBody(request, "{\"remote_field_traversal_path\": [\"properties\", \"classification\"]}");

    assertEquals("classification", response.getModel().getRemoteField().getRemoteKeyName());
    assertEquals(List.of("properties", "classification"),
        response.getModel().getRemoteField().getRemoteEndpointInfo().getFieldTraversalPath());
  }

  @Test
  void deleteFieldMappingAcceptsTheDeletedMappingOrAnEmpty204() {
    server.enqueueFixture(200, "fieldMappings_delete");
    server.enqueueEmpty(204);

    FieldMappingInstanceResponse deleted = client.fieldMappings().delete(MAPPING_ID).execute().orElseThrow();
    ApiResponse<java.util.Optional<FieldMappingInstanceResponse>> empty =
        client.fieldMappings().delete(MAPPING_ID).executeRaw();

    for (int i = 0; i < 2; i++) {
      RecordedCall request = server.takeRequest("DELETE", "/field-mappings/" + MAPPING_ID);
      assertAccountToken(request);
      assertEquals(0, request.bodySize(), "request body size");
    }
    assertEquals(MAPPING_ID, deleted.getModel().getId());
    assertNull(deleted.getModel().getTargetField());
    assertEquals(204, empty.statusCode());
    assertEquals(java.util.Optional.empty(), empty.body(), "an empty answer is an empty Optional, never null");
  }

  @Test
  void listRemoteFieldsSendsModelFilterAndDecodesMetadata() {
    server.enqueueFixture(200, "remoteFields_retrieve");

    RemoteFieldAPIResponse fields = client.remoteFields().retrieve(RemoteFieldsApi.RetrieveParams.builder()
        .commonModels("File,Folder")
        .includeExampleValues("true")
        .build()).execute();

    RecordedCall request = server.takeRequest("GET",
        "/remote-fields?common_models=File%2CFolder&include_example_values=true");
    assertAccountToken(request);

    RemoteFieldAPI starred = fields.getFile().get(0);
    assertEquals("starred", starred.getRemoteKeyName());
    assertEquals("string", starred.getSchema().getAsJsonObject().get("type").getAsString());
    assertEquals("GET", starred.getRemoteEndpointInfo().getMethod());
    assertEquals(2, starred.getExampleValues().size());
    assertEquals("Starred", starred.getAdvancedMetadata().getDisplayName());
    assertFalse(starred.getAdvancedMetadata().getIsRequired());
    assertEquals(0.87, starred.getCoverage(), 1e-9);
    assertTrue(fields.getFolder().isEmpty());
    assertNull(fields.getUser());
  }

  @Test
  void listTargetFieldsDecodesFieldsPerCommonModel() {
    server.enqueueFixture(200, "targetFields_retrieve");

    ExternalTargetFieldAPIResponse fields = client.targetFields().retrieve().execute();

    RecordedCall request = server.takeRequest("GET", "/target-fields");
    assertAccountToken(request);

    assertEquals("confidentiality", fields.getFile().get(0).getName());
    assertEquals("true", fields.getFile().get(0).getIsMapped());
    assertTrue(fields.getDrive().isEmpty());
  }

  @Test
  void createTargetFieldSendsDefinitionAndDecodesAllFields() {
    server.enqueueFixture(200, "targetFields_create");

    ExternalTargetFieldAPIResponse fields = client.targetFields().create(new CreateTargetFieldRequest()
        .name("retention_class")
        .commonModel("File")
        .description("How long the file must be kept")).execute();

    RecordedCall request = server.takeRequest("POST", "/target-fields");
    assertAccountToken(request);
    assertJsonBody(request, "{\"name\": \"retention_class\", \"common_model\": \"File\","
        + "\"description\": \"How long the file must be kept\"}");

    assertEquals(2, fields.getFile().size());
    assertEquals("retention_class", fields.getFile().get(1).getName());
    assertEquals("false", fields.getFile().get(1).getIsMapped());
  }
}
