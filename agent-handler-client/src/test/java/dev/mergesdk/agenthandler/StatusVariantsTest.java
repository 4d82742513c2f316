package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mergesdk.agenthandler.model.RegisteredUser;
import dev.mergesdk.agenthandler.model.RegisteredUserCreate;
import dev.mergesdk.core.ApiResponse;
import java.util.List;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Operations whose success status varies: both answers decode. */
class StatusVariantsTest {
  private static final String USER_ID = "7f1c2a9e-3b4d-4c5e-8f60-1a2b3c4d5e6f";

  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @Test
  void creatingARegisteredUserDecodesBoth201ForANewUserAnd200ForAnExistingOne() {
    server.enqueueFixture(201, "registeredUsers_create");
    server.enqueueFixture(200, "registeredUsers_create.existing");
    RegisteredUserCreate request = new RegisteredUserCreate().originUserId("user-1042").originUserName("Ada Lovelace");

    ApiResponse<RegisteredUser> created = client.registeredUsers().create(request).executeRaw();
    ApiResponse<RegisteredUser> existing = client.registeredUsers().create(request).executeRaw();

    String body = "{\"origin_user_id\": \"user-1042\", \"origin_user_name\": \"Ada Lovelace\"}";
    server.takeJsonRequest("POST", "/registered-users/", body);
    server.takeJsonRequest("POST", "/registered-users/", body);
    assertEquals(201, created.statusCode());
    assertEquals(200, existing.statusCode());
    assertEquals(USER_ID, created.body().getId());
    assertEquals(USER_ID, existing.body().getId());
    assertEquals(List.of(), created.body().getAuthenticatedConnectors());
    assertEquals(List.of("slack"), existing.body().getAuthenticatedConnectors());
  }

  @Test
  void deletingAcceptsNoContentAndOkWithOrWithoutABody() {
    server.enqueueEmpty(204);
    server.enqueueEmpty(200);
    server.enqueueJsonOffSpec(200, "{\"detail\": \"Deleted.\"}"); // the spec's 200 has no body

    ApiResponse<Void> noContent = client.registeredUsers().delete(USER_ID).executeRaw();
    ApiResponse<Void> emptyOk = client.toolPacks().delete("0b8e5d2c-6a71-4f3e-9c24-5d6e7f801234").executeRaw();
    ApiResponse<Void> okWithBody = client.connectors().delete("internal_docs").executeRaw();

    server.takeRequest("DELETE", "/registered-users/" + USER_ID + "/");
    server.takeRequest("DELETE", "/tool-packs/0b8e5d2c-6a71-4f3e-9c24-5d6e7f801234/");
    server.takeRequest("DELETE", "/connectors/internal_docs/");
    assertEquals(204, noContent.statusCode());
    assertEquals(200, emptyOk.statusCode());
    assertEquals(200, okWithBody.statusCode());
    assertNull(noContent.body());
    assertNull(emptyOk.body());
    assertNull(okWithBody.body());
  }
}
