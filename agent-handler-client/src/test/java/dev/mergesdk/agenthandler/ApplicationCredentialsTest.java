package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.agenthandler.model.ApplicationCredential;
import dev.mergesdk.agenthandler.model.ApplicationCredentialCreate;
import dev.mergesdk.agenthandler.model.ApplicationCredentialUpdate;
import dev.mergesdk.agenthandler.model.PaginatedApplicationCredentialList;
import java.time.OffsetDateTime;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApplicationCredentialsTest {
  private static final String CREDENTIAL_ID = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";

  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @Test
  void listFiltersByExternalIdAndConnector() {
    server.enqueueFixture(200, "applicationCredentials_list");

    PaginatedApplicationCredentialList page = client.applicationCredentials()
        .list(ApplicationCredentialsApi.ListParams.builder().externalId("tenant-42").slug("google_drive").build())
        .execute();

    server.takeRequestWithoutBody("GET", "/application-credentials/?external_id=tenant-42&slug=google_drive");
    ApplicationCredential credential = page.getResults().get(0);
    assertEquals("tenant-42", credential.getExternalId());
    assertFalse(credential.getIsGlobalDefault());
    assertNull(credential.getOauth2ScopesOverride());
  }

  @Test
  void createSendsTheClientSecretButNeverShowsItInToString() {
    server.enqueueFixture(201, "applicationCredentials_create");
    ApplicationCredentialCreate request = new ApplicationCredentialCreate()
        .connectorSlug("google_drive")
        .clientId("1234567890-abc.apps.googleusercontent.com")
        .clientSecret("GOCSPX-very-secret")
        .externalId("tenant-42")
        .oauth2ScopesOverride("https://www.googleapis.com/auth/drive.readonly");

    ApplicationCredential credential = client.applicationCredentials().create(request).execute();

    server.takeJsonRequest("POST", "/application-credentials/", """
        {"connector_slug": "google_drive", "client_id": "1234567890-abc.apps.googleusercontent.com",
         "client_secret": "GOCSPX-very-secret", "external_id": "tenant-42",
         "oauth2_scopes_override": "https://www.googleapis.com/auth/drive.readonly"}""");
    assertFalse(request.toString().contains("GOCSPX"), "toString() must mask the secret: " + request);
    assertEquals(CREDENTIAL_ID, credential.getId());
    assertEquals("https://www.googleapis.com/auth/drive.readonly", credential.getOauth2ScopesOverride());
  }

  @Test
  void retrieveRequestsTheCredentialById() {
    server.enqueueFixture(200, "applicationCredentials_retrieve");

    ApplicationCredential credential = client.applicationCredentials().retrieve(CREDENTIAL_ID).execute();

    server.takeRequestWithoutBody("GET", "/application-credentials/" + CREDENTIAL_ID + "/");
    assertTrue(credential.getIsGlobalDefault());
    assertNull(credential.getExternalId());
    assertEquals(OffsetDateTime.parse("2026-02-11T08:00:00Z"), credential.getModifiedAt());
  }

  @Test
  void partialUpdateSendsOnlyTheNewClientId() {
    server.enqueueFixture(200, "applicationCredentials_partialUpdate");

    ApplicationCredential credential = client.applicationCredentials()
        .partialUpdate(CREDENTIAL_ID, new ApplicationCredentialUpdate().clientId("99-new.apps.googleusercontent.com"))
        .execute();

    server.takeJsonRequest("PATCH", "/application-credentials/" + CREDENTIAL_ID + "/",
        "{\"client_id\": \"99-new.apps.googleusercontent.com\"}");
    assertEquals("99-new.apps.googleusercontent.com", credential.getClientId());
  }

  @Test
  void deleteRemovesTheCredential() {
    server.enqueueEmpty(204);

    assertNull(client.applicationCredentials().delete(CREDENTIAL_ID).execute());

    server.takeRequestWithoutBody("DELETE", "/application-credentials/" + CREDENTIAL_ID + "/");
  }
}
