package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.agenthandler.model.AccessKey;
import dev.mergesdk.agenthandler.model.AccessKeyCreate;
import dev.mergesdk.agenthandler.model.AccessKeyScope;
import dev.mergesdk.agenthandler.model.AccessKeyWithSecret;
import dev.mergesdk.agenthandler.model.PaginatedAccessKeyList;
import java.time.OffsetDateTime;
import java.util.List;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccessKeysTest {
  private static final String KEY_ID = "3c9d8e7f-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
  private static final String PACK_ID = "0b8e5d2c-6a71-4f3e-9c24-5d6e7f801234";

  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @Test
  void listDecodesMaskedKeysWithTheirReach() {
    server.enqueueFixture(200, "accessKeys_list");

    PaginatedAccessKeyList page = client.accessKeys().list().execute();

    server.takeRequestWithoutBody("GET", "/access-keys/");
    AccessKey key = page.getResults().get(0);
    assertEquals("ah_prod_****7Q2x", key.getKeyMasked());
    assertEquals(List.of(PACK_ID), key.getToolPackIds());
    assertNull(key.getRegisteredUserIds());
    assertEquals(List.of(AccessKeyScope.RUNTIME_ALL), key.getScopes());
    assertEquals(OffsetDateTime.parse("2026-06-01T00:00:00Z"), key.getExpiresAt());
  }

  @Test
  void createSendsAScopedKeyRequestAndReturnsTheSecretMaskedInToString() {
    server.enqueueFixture(201, "accessKeys_create");

    AccessKeyWithSecret key = client.accessKeys().create(new AccessKeyCreate()
        .name("Support agent runtime")
        .toolPackIds(List.of(PACK_ID))
        .scopes(List.of(AccessKeyScope.RUNTIME_ALL))
        .expiresIn(86400))
        .execute();

    server.takeJsonRequest("POST", "/access-keys/", """
        {"name": "Support agent runtime", "tool_pack_ids": ["0b8e5d2c-6a71-4f3e-9c24-5d6e7f801234"],
         "scopes": ["runtime:all"], "expires_in": 86400}""");
    assertEquals("ah_prod_9fJ2kL0pQ7sT3vX8zB1nM4cR6wY5e7Q2x", key.getKey());
    assertFalse(key.toString().contains(key.getKey()), "toString() must mask the key: " + key);
    assertEquals(List.of(AccessKeyScope.RUNTIME_ALL), key.getScopes());
  }

  @Test
  void createWithALifetimeDecodesTheExpiresInMergeReturns() {
    server.enqueueFixture(201, "accessKeys_create.expires-in");

    AccessKeyWithSecret key = client.accessKeys().create(new AccessKeyCreate()
        .name("Nightly job")
        .expiresIn(86400))
        .execute();

    server.takeJsonRequest("POST", "/access-keys/", "{\"name\": \"Nightly job\", \"expires_in\": 86400}");
    assertEquals(86400, key.getExpiresIn());
    assertEquals(OffsetDateTime.parse("2026-03-04T12:00:00Z"), key.getExpiresAt());
    assertEquals(0, key.unknownFields().size(), "expires_in is a modelled member: " + key.unknownFields());
  }

  @Test
  void retrieveDecodesAKeyWithoutExpiry() {
    server.enqueueFixture(200, "accessKeys_retrieve");

    AccessKey key = client.accessKeys().retrieve(KEY_ID).execute();

    server.takeRequestWithoutBody("GET", "/access-keys/" + KEY_ID + "/");
    assertNull(key.getName());
    assertNull(key.getExpiresAt());
    assertTrue(key.getIsTest());
    assertEquals(List.of(AccessKeyScope.RUNTIME_ALL, AccessKeyScope.MANAGEMENT_ALL), key.getScopes());
  }

  @Test
  void regeneratePostsWithoutABodyAndReturnsTheNewSecret() {
    server.enqueueFixture(200, "accessKeys_regenerate");

    AccessKeyWithSecret key = client.accessKeys().regenerate(KEY_ID).execute();

    server.takeRequestWithoutBody("POST", "/access-keys/" + KEY_ID + "/regenerate/");
    assertEquals("ah_prod_Zx81mNq0Lk2Jh3Gf4Ds5Ap6Ow7Ie8Ru9Ty", key.getKey());
    assertEquals("ah_prod_****u9Ty", key.getKeyMasked());
  }

  @Test
  void revokePostsWithoutABodyAndReturnsNothing() {
    server.enqueueEmpty(204);

    assertNull(client.accessKeys().revoke(KEY_ID).execute());

    server.takeRequestWithoutBody("POST", "/access-keys/" + KEY_ID + "/revoke/");
  }
}
