package dev.mergesdk.filestorage;

import static dev.mergesdk.filestorage.TestClients.assertAccountToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.filestorage.model.Group;
import dev.mergesdk.filestorage.model.GroupExpand;
import dev.mergesdk.filestorage.model.PaginatedGroupList;
import dev.mergesdk.filestorage.model.PaginatedUserList;
import dev.mergesdk.filestorage.model.User;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import dev.mergesdk.testkit.RecordedCall;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GroupsAndUsersOperationsTest {
  private static final String GROUP_ID = "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a07";
  private static final String USER_ID = "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c06";

  @RegisterExtension final MergeMock server = TestClients.mock();
  private final FileStorageClient client = TestClients.client(server);

  @Test
  void listGroupsSendsFiltersAndDecodesMemberIds() {
    server.enqueueFixture(200, "groups_list");

    PaginatedGroupList page = client.groups().list(GroupsApi.ListParams.builder()
        .modifiedAfter(OffsetDateTime.of(2024, 2, 1, 8, 0, 0, 0, ZoneOffset.UTC))
        .includeDeletedData(true)
        .pageSize(10)
        .build()).execute();

    RecordedCall request = server.takeRequest("GET",
        "/groups?include_deleted_data=true&modified_after=2024-02-01T08%3A00%3A00Z&page_size=10");
    assertAccountToken(request);

    Group engineers = page.getResults().get(0);
    assertEquals(GROUP_ID, engineers.getId());
    assertEquals("Engineers", engineers.getName());
    assertEquals(USER_ID, engineers.getUsers().get(0).id());
    assertFalse(engineers.getUsers().get(0).isExpanded());
    assertEquals("2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c08", engineers.getChildGroups().get(0).id());
  }

  @Test
  void retrieveGroupSendsExpandAndDecodesExpandedUsers() {
    server.enqueueFixture(200, "groups_retrieve");

    Group group = client.groups().retrieve(GROUP_ID, GroupsApi.RetrieveParams.builder()
        .expand(GroupExpand.USERS, GroupExpand.CHILD_GROUPS)
        .build()).execute();

    RecordedCall request = server.takeRequest("GET", "/groups/" + GROUP_ID + "?expand=users,child_groups");
    assertAccountToken(request);

    User ada = group.getUsers().get(0).expanded().orElseThrow();
    assertEquals(USER_ID, group.getUsers().get(0).id());
    assertEquals("Ada Lovelace", ada.getName());
    assertEquals("ada@example.com", ada.getEmailAddress());
    assertFalse(group.getChildGroups().get(0).isExpanded());
  }

  @Test
  void listUsersSendsEmailAndIsMeFiltersAndDecodesPage() {
    server.enqueueFixture(200, "users_list");

    PaginatedUserList page = client.users().list(UsersApi.ListParams.builder()
        .emailAddress("ada@example.com")
        .isMe("true")
        .includeShellData(false)
        .build()).execute();

    RecordedCall request = server.takeRequest("GET",
        "/users?email_address=ada%40example.com&include_shell_data=false&is_me=true");
    assertAccountToken(request);
    assertEquals("ada@example.com", request.queryParameter("email_address"));

    User ada = page.getResults().get(0);
    assertEquals(USER_ID, ada.getId());
    assertTrue(ada.getIsMe());
    assertEquals("u-1001", ada.getRemoteId());
    assertNull(page.getNext());
  }

  @Test
  void retrieveUserDecodesRemoteData() {
    server.enqueueFixture(200, "users_retrieve");

    User user = client.users().retrieve(USER_ID,
        UsersApi.RetrieveParams.builder().includeRemoteData(true).build()).execute();

    RecordedCall request = server.takeRequest("GET", "/users/" + USER_ID + "?include_remote_data=true");
    assertAccountToken(request);

    assertEquals("Ada Lovelace", user.getName());
    assertEquals("/drive/v3/about", user.getRemoteData().get(0).getPath());
    assertEquals("ada@example.com", user.getRemoteData().get(0).getData().getAsJsonObject()
        .getAsJsonObject("user").get("emailAddress").getAsString());
  }
}
