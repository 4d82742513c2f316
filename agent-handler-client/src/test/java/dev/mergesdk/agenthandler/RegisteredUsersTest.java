package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.agenthandler.model.LinkToken;
import dev.mergesdk.agenthandler.model.LinkTokenRequest;
import dev.mergesdk.agenthandler.model.PaginatedRegisteredUserList;
import dev.mergesdk.agenthandler.model.RegisteredUser;
import dev.mergesdk.agenthandler.model.RegisteredUserCreate;
import dev.mergesdk.agenthandler.model.RegisteredUserUpdate;
import dev.mergesdk.agenthandler.model.SharedCredentialGroup;
import dev.mergesdk.agenthandler.model.UserType;
import java.util.List;
import java.util.Map;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegisteredUsersTest {
  private static final String USER_ID = "7f1c2a9e-3b4d-4c5e-8f60-1a2b3c4d5e6f";

  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @Test
  void listSendsEveryFilterAsAQueryParameterAndDecodesThePage() {
    server.enqueueFixture(200, "registeredUsers_list");

    PaginatedRegisteredUserList page = client.registeredUsers()
        .list(RegisteredUsersApi.ListParams.builder()
            .includeTestUsers(true).isTest(false).originUserId("user-1042").page(1).pageSize(50).build())
        .execute();

    server.takeRequestWithoutBody("GET",
        "/registered-users/?include_test_users=true&is_test=false&origin_user_id=user-1042&page=1&page_size=50");
    assertEquals(2, page.getCount());
    assertNull(page.getNext());
    RegisteredUser ada = page.getResults().get(0);
    assertEquals(USER_ID, ada.getId());
    assertEquals("user-1042", ada.getOriginUserId());
    assertEquals(UserType.HUMAN, ada.getUserType());
    assertEquals(List.of("slack", "linear"), ada.getAuthenticatedConnectors());
    assertNull(ada.getSharedCredentialGroup());
    RegisteredUser bot = page.getResults().get(1);
    assertEquals(UserType.SYSTEM, bot.getUserType());
    assertEquals("acme", bot.getSharedCredentialGroup().getOriginCompanyId());
  }

  @Test
  void createSendsTheUserWithItsCompanyAndDecodesTheCreatedUser() {
    server.enqueueFixture(201, "registeredUsers_create");

    RegisteredUser user = client.registeredUsers().create(new RegisteredUserCreate()
        .originUserId("user-1042")
        .originUserName("Ada Lovelace")
        .userType(UserType.HUMAN)
        .sharedCredentialGroup(new SharedCredentialGroup()
            .originCompanyId("acme").originCompanyName("Acme Corp").customGroupings(Map.of("team", "platform"))))
        .execute();

    server.takeJsonRequest("POST", "/registered-users/", """
        {"origin_user_id": "user-1042", "origin_user_name": "Ada Lovelace", "user_type": "HUMAN",
         "shared_credential_group": {"origin_company_id": "acme", "origin_company_name": "Acme Corp",
                                     "custom_groupings": {"team": "platform"}}}""");
    assertEquals(USER_ID, user.getId());
    assertEquals("Acme Corp", user.getSharedCredentialGroup().getOriginCompanyName());
    assertEquals(Map.of("team", "platform"), user.getSharedCredentialGroup().getCustomGroupings());
    assertEquals(List.of(), user.getAuthenticatedConnectors());
    assertFalse(user.getIsTest());
  }

  @Test
  void retrieveRequestsTheUserByIdAndDecodesIt() {
    server.enqueueFixture(200, "registeredUsers_retrieve");

    RegisteredUser user = client.registeredUsers().retrieve(USER_ID).execute();

    server.takeRequestWithoutBody("GET", "/registered-users/" + USER_ID + "/");
    assertEquals("Ada Lovelace", user.getOriginUserName());
    assertEquals(List.of("slack", "linear"), user.getAuthenticatedConnectors());
  }

  @Test
  void partialUpdateSendsOnlyTheFieldsThatWereSet() {
    server.enqueueFixture(200, "registeredUsers_partialUpdate");

    RegisteredUser user = client.registeredUsers()
        .partialUpdate(USER_ID, new RegisteredUserUpdate().originUserName("Ada King"))
        .execute();

    server.takeJsonRequest("PATCH", "/registered-users/" + USER_ID + "/", "{\"origin_user_name\": \"Ada King\"}");
    assertEquals("Ada King", user.getOriginUserName());
  }

  @Test
  void deleteSendsADeleteAndReturnsNothing() {
    server.enqueueEmpty(204);

    Void result = client.registeredUsers().delete(USER_ID).execute();

    server.takeRequestWithoutBody("DELETE", "/registered-users/" + USER_ID + "/");
    assertNull(result);
  }

  @Test
  void createLinkTokenSendsTheConnectorAndCallbackAndKeepsTheTokenOutOfToString() {
    server.enqueueFixture(201, "registeredUsers_createLinkToken");

    LinkToken token = client.registeredUsers().createLinkToken(USER_ID, new LinkTokenRequest()
        .connector("google_drive")
        .callbackUrl("https://app.example.com/connected")
        .state("csrf-3f9a"))
        .execute();

    server.takeJsonRequest("POST", "/registered-users/" + USER_ID + "/link-token/", """
        {"connector": "google_drive", "callback_url": "https://app.example.com/connected", "state": "csrf-3f9a"}""");
    assertEquals("lt_4kX9bQ2mZ7", token.getLinkToken());
    assertEquals("https://ah.merge.dev/link/lt_4kX9bQ2mZ7", token.getMagicLinkUrl());
    assertFalse(token.toString().contains("lt_4kX9bQ2mZ7"), "toString() must not show the token: " + token);
    assertTrue(token.toString().contains("linkToken"));
  }
}
