package dev.mergesdk.filestorage;

import static dev.mergesdk.filestorage.TestClients.assertAccountToken;
import static dev.mergesdk.testkit.MergeMock.assertJsonBody;
import static dev.mergesdk.filestorage.TestClients.assertNoAccountToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.core.ApiResponse;
import dev.mergesdk.filestorage.model.AccountDetails;
import dev.mergesdk.filestorage.model.AccountDetailsAndActions;
import dev.mergesdk.filestorage.model.AccountDetailsAndActionsStatus;
import dev.mergesdk.filestorage.model.AccountToken;
import dev.mergesdk.filestorage.model.Category;
import dev.mergesdk.filestorage.model.EndUserDetailsRequest;
import dev.mergesdk.filestorage.model.Issue;
import dev.mergesdk.filestorage.model.IssueStatus;
import dev.mergesdk.filestorage.model.Language;
import dev.mergesdk.filestorage.model.LinkToken;
import dev.mergesdk.filestorage.model.PaginatedAccountDetailsAndActionsList;
import dev.mergesdk.filestorage.model.PaginatedIssueList;
import dev.mergesdk.filestorage.model.RegenerateAccountToken;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import dev.mergesdk.testkit.RecordedCall;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LinkedAccountOperationsTest {
  private static final String LINKED_ACCOUNT_ID = "0d9c8b7a-6f5e-4d3c-a2b1-0f9e8d7c6b09";
  private static final String ISSUE_ID = "5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c10";

  @RegisterExtension final MergeMock server = TestClients.mock();
  private final FileStorageClient client = TestClients.client(server);

  @Test
  void retrieveAccountDetailsSendsAccountTokenAndDecodesDetails() {
    server.enqueueFixture(200, "accountDetails_retrieve");

    AccountDetails details = client.accountDetails().retrieve().execute();

    RecordedCall request = server.takeRequest("GET", "/account-details");
    assertAccountToken(request);

    assertEquals(LINKED_ACCOUNT_ID, details.getId());
    assertEquals("google-drive", details.getIntegrationSlug());
    assertEquals(AccountDetails.CategoryEnum.FILESTORAGE, details.getCategory());
    assertEquals("COMPLETE", details.getStatus());
    assertEquals(OffsetDateTime.parse("2024-02-29T15:04:05Z"), details.getCompletedAt());
    assertFalse(details.getIsDuplicate());
    assertNull(details.getInstanceId());
  }

  @Test
  void exchangePublicTokenWithoutAccountTokenAndKeepsTokenOutOfToString() {
    server.enqueueFixture(200, "accountToken_retrieve");

    AccountToken token = TestClients.clientWithoutAccountToken(server).accountToken().retrieve("pub/lic token").execute();

    // The public token is one path segment: the slash and the space are percent-encoded.
    RecordedCall request = server.takeRequest("GET", "/account-token/pub%2Flic%20token");
    assertNoAccountToken(request);

    assertEquals(LINKED_ACCOUNT_ID, token.getId());
    assertEquals("0gYw5qO8fE-hd7nE5Q0oM1kZ3rWbX", token.getAccountToken());
    assertEquals("Google Drive", token.getIntegration().getName());
    assertEquals(List.of(Category.FILESTORAGE), token.getIntegration().getCategories());
    assertEquals("#1A73E8", token.getIntegration().getColor());
    assertFalse(token.toString().contains(token.getAccountToken()), "toString must mask the account token");
  }

  @Test
  void regenerateAccountTokenPostsWithoutBodyAndDecodesNewToken() {
    server.enqueueFixture(200, "accountToken_regenerate");

    RegenerateAccountToken regenerated = client.accountToken().regenerate().execute();

    RecordedCall request = server.takeRequest("POST", "/account-token/regenerate");
    assertAccountToken(request);
    assertEquals(0, request.bodySize(), "request body size");

    assertEquals(LINKED_ACCOUNT_ID, regenerated.getLinkedAccountId());
    assertEquals("Yq3nR8tZ1vB6xK0mW4pL7sD2fH9jC5", regenerated.getAccountToken());
    assertFalse(regenerated.toString().contains(regenerated.getAccountToken()));
  }

  @Test
  void deleteAccountPostsWithoutBodyAndAcceptsEmptyAnswer() {
    server.enqueueEmpty(200);

    ApiResponse<Void> response = client.deleteAccount().delete().executeRaw();

    RecordedCall request = server.takeRequest("POST", "/delete-account");
    assertAccountToken(request);
    assertEquals(0, request.bodySize(), "request body size");
    assertEquals(200, response.statusCode());
    assertNull(response.body());
  }

  @Test
  void listIssuesSendsOrganisationFiltersWithoutAccountToken() {
    server.enqueueFixture(200, "issues_list");

    IssuesApi.ListParams params = IssuesApi.ListParams.builder()
        .accountToken("filter-account-token")
        .status(IssueStatus.ONGOING)
        .firstIncidentTimeAfter(OffsetDateTime.of(2024, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC))
        .startDate("2024-03-01")
        .includeMuted("true")
        .integrationName("Google Drive")
        .linkedAccountId(LINKED_ACCOUNT_ID)
        .build();
    PaginatedIssueList page = TestClients.clientWithoutAccountToken(server).issues().list(params).execute();

    RecordedCall request = server.takeRequest("GET", "/issues?account_token=filter-account-token"
        + "&first_incident_time_after=2024-03-01T00%3A00%3A00Z&include_muted=true&integration_name=Google%20Drive"
        + "&linked_account_id=" + LINKED_ACCOUNT_ID + "&start_date=2024-03-01&status=ONGOING");
    assertNoAccountToken(request);
    assertFalse(params.toString().contains("filter-account-token"), "parameters' toString must mask the token");

    Issue issue = page.getResults().get(0);
    assertEquals(ISSUE_ID, issue.getId());
    assertEquals(IssueStatus.ONGOING, issue.getStatus());
    assertEquals("Missing Permissions", issue.getErrorDescription());
    assertEquals(OffsetDateTime.parse("2024-03-06T07:00:00.250Z"), issue.getLastIncidentTime());
    assertEquals(LINKED_ACCOUNT_ID, issue.getEndUser().getAsJsonObject().get("id").getAsString());
    assertEquals(List.of("The connected user cannot list shared drives."), issue.getErrorDetails());
  }

  @Test
  void retrieveIssueAcceptsEndUserAsPlainId() {
    server.enqueueFixture(200, "issues_retrieve");

    Issue issue = TestClients.clientWithoutAccountToken(server).issues().retrieve(ISSUE_ID).execute();

    RecordedCall request = server.takeRequest("GET", "/issues/" + ISSUE_ID);
    assertNoAccountToken(request);

    assertEquals(IssueStatus.RESOLVED, issue.getStatus());
    assertTrue(issue.getIsMuted());
    assertEquals(LINKED_ACCOUNT_ID, issue.getEndUser().getAsString());
    assertNull(issue.getLastIncidentTime());
  }

  @Test
  void listLinkedAccountsSendsFiltersAndDecodesIntegration() {
    server.enqueueFixture(200, "linkedAccounts_list");

    PaginatedAccountDetailsAndActionsList page = TestClients.clientWithoutAccountToken(server).linkedAccounts()
        .list(LinkedAccountsApi.ListParams.builder()
            .category(Category.FILESTORAGE)
            .endUserOriginIds("customer-42,customer-43")
            .includeDuplicates(true)
            .isTestAccount("false")
            .status("COMPLETE")
            .build())
        .execute();

    RecordedCall request = server.takeRequest("GET", "/linked-accounts?category=filestorage"
        + "&end_user_origin_ids=customer-42%2Ccustomer-43&include_duplicates=true&is_test_account=false"
        + "&status=COMPLETE");
    assertNoAccountToken(request);

    AccountDetailsAndActions account = page.getResults().get(0);
    assertEquals(LINKED_ACCOUNT_ID, account.getId());
    assertEquals(AccountDetailsAndActionsStatus.COMPLETE, account.getStatus());
    assertEquals(Category.FILESTORAGE, account.getCategory());
    assertNull(account.getIsDuplicate());
    assertTrue(account.getIntegration().getPassthroughAvailable());
    assertEquals("File", account.getIntegration().getAvailableModelOperations().get(0).getModelName());
    assertEquals(List.of("FETCH", "CREATE"),
        account.getIntegration().getAvailableModelOperations().get(0).getAvailableOperations());
  }

  @Test
  void createLinkTokenSendsEndUserDetailsWithoutAccountToken() {
    server.enqueueFixture(200, "linkToken_create");

    EndUserDetailsRequest details = new EndUserDetailsRequest()
        .endUserEmailAddress("it@acme.example")
        .endUserOrganizationName("Acme Corp")
        .endUserOriginId("customer-42")
        .categories(List.of(Category.FILESTORAGE))
        .integration("google-drive")
        .linkExpiryMins(60)
        .language(Language.DE);

    LinkToken token = TestClients.clientWithoutAccountToken(server).linkToken().create(details).execute();

    RecordedCall request = server.takeRequest("POST", "/link-token");
    assertNoAccountToken(request);
    // Fields with a declared default are sent with it unless set.
    assertJsonBody(request, "{\"end_user_email_address\": \"it@acme.example\","
        + "\"end_user_organization_name\": \"Acme Corp\", \"end_user_origin_id\": \"customer-42\","
        + "\"categories\": [\"filestorage\"], \"integration\": \"google-drive\", \"link_expiry_mins\": 60,"
        + "\"language\": \"de\", \"should_create_magic_link_url\": false, \"hide_admin_magic_link\": false,"
        + "\"are_syncs_disabled\": false, \"ekm_enabled\": false}");

    assertEquals("lt_8Hf2kQ9xZ1", token.getLinkToken());
    assertEquals("Google Drive", token.getIntegrationName());
    assertEquals("https://link.merge.dev/magic/8Hf2kQ9xZ1", token.getMagicLinkUrl());
    assertFalse(token.toString().contains("8Hf2kQ9xZ1"), "toString must mask the link token and magic link");
  }
}
