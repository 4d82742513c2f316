package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Operations that need no credential ({@link NoAuth}) never carry the client's, and can be called on a client built
 * without an API key; every other call of such a client fails before anything is sent.
 */
class OpenOperationsTest {
  private final MockServer server = new MockServer();

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void anOpenOperationIsSentWithoutTheApiKeyOrAccountTokenEvenWhenTheClientAndTheCallHaveThem() {
    server.json(201, "{\"id\":\"t1\"}");
    try (TestClient client = server.client()) {
      RequestOptions options = RequestOptions.builder().accountToken("acct_SECRET_per_call_token")
          .header("Authorization", "Bearer sk_SECRET_per_call_key").build();
      assertEquals("t1", client.api.signup().with(options).execute().id);
    }
    RecordedRequest request = server.take();
    assertEquals("/api/signup/", request.getUrl().encodedPath());
    assertNull(request.getHeaders().get("Authorization"));
    assertNull(request.getHeaders().get("X-Account-Token"));
  }

  @Test
  void theOtherOperationsOfTheSameClientStillCarryTheKeyAndToken() {
    server.json(201, "{\"id\":\"t1\"}").json(200, "{\"id\":\"t2\"}");
    try (TestClient client = server.client()) {
      client.api.signup().execute();
      client.api.get("t2").execute();
    }
    server.take();
    RecordedRequest keyed = server.take();
    assertEquals("Bearer " + MockServer.API_KEY, keyed.getHeaders().get("Authorization"));
    assertEquals(MockServer.ACCOUNT_TOKEN, keyed.getHeaders().get("X-Account-Token"));
  }

  @Test
  void aClientWithoutAnApiKeyCallsTheOpenOperation() {
    server.json(201, "{\"id\":\"t1\"}").json(201, "{\"id\":\"t2\"}");
    try (TestClient client = TestClient.builder().openOperations().baseUrl(server.baseUrl()).build()) {
      assertEquals("t1", client.api.signup().execute().id);
      assertEquals("t2", client.api.signup().executeAsync().join().id);
    }
    assertNull(server.take().getHeaders().get("Authorization"));
    assertNull(server.take().getHeaders().get("Authorization"));
  }

  @Test
  void aKeyedCallOnAClientWithoutAnApiKeyFailsBeforeSendingNamingTheApiKey() {
    try (TestClient client = TestClient.builder().openOperations().baseUrl(server.baseUrl()).build()) {
      IllegalStateException sync = assertThrows(IllegalStateException.class, () -> client.api.get("t1").execute());
      IllegalStateException async = assertThrows(IllegalStateException.class,
          () -> client.api.get("t1").executeAsync());
      IllegalStateException paged = assertThrows(IllegalStateException.class,
          () -> client.api.listByCursor(null, null).autoPage().iterator().hasNext());
      IllegalStateException raw = assertThrows(IllegalStateException.class,
          () -> client.runtime.raw().get("/things/t1").execute());
      for (IllegalStateException e : new IllegalStateException[] {sync, async, paged, raw}) {
        assertTrue(e.getMessage().contains("needs an API key, and this client was built without one: set it with the"
            + " client builder's apiKey(...)"), e.getMessage());
      }
      assertEquals("GET " + server.baseUrl() + "things/t1 needs an API key, and this client was built without one:"
          + " set it with the client builder's apiKey(...)", sync.getMessage());
    }
    assertEquals(0, server.requestCount());
  }

  @Test
  void anApiWithoutOpenOperationsStillRequiresTheKeyWhenTheClientIsBuilt() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TestClient.builder().baseUrl(server.baseUrl()).build());
    assertEquals("apiKey is required: set it with Test API client builder's apiKey(...)", e.getMessage());
  }
}
