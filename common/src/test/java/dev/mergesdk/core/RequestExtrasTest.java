package dev.mergesdk.core;

import dev.mergesdk.core.internal.CommaSeparated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Query parameters and body members the spec does not describe yet go with one call, on top of what the operation
 * sends, and never anywhere the operation would not go.
 */
class RequestExtrasTest {
  private final MockServer server = new MockServer();

  @AfterEach
  void close() {
    server.close();
  }

  private static TestApi.Thing thing(String name) {
    TestApi.Thing thing = new TestApi.Thing();
    thing.name = name;
    thing.size = 3L;
    return thing;
  }

  @Test
  void extraQueryParametersFollowTheCallsOwnAndRepeatForRepeatedNames() {
    server.json(200, "[]");
    RequestOptions options = RequestOptions.builder().extraQueryParameter("include_beta", "true")
        .extraQueryParameter("tag", "a b").extraQueryParameter("tag", "c&d").build();
    try (TestClient client = server.client()) {
      client.api.since(null, CommaSeparated.of(List.of("x", "y"))).with(options).execute();
    }
    assertEquals("/api/since?expand=x,y&include_beta=true&tag=a%20b&tag=c%26d", server.take().getTarget());
  }

  @Test
  void extraQueryParametersGoWithEveryPageOfAList() {
    server.json(200, "{\"next\":\"c2\",\"results\":[{\"id\":\"1\"}]}").json(200, "{\"next\":null,\"results\":[{\"id\":\"2\"}]}");
    List<String> ids = new ArrayList<>();
    try (TestClient client = server.client()) {
      client.api.listByCursor("n", null).with(RequestOptions.builder().extraQueryParameter("beta", "1").build())
          .autoPage().forEach(t -> ids.add(t.id));
    }
    assertEquals(List.of("1", "2"), ids);
    assertEquals("/api/things?name=n&beta=1", server.take().getTarget());
    assertEquals("/api/things?name=n&cursor=c2&beta=1", server.take().getTarget());
  }

  @Test
  void extraBodyMembersAreMergedIntoTheJsonBodyReplacingMembersOfTheSameNameAndNullsAreSentAsNull() {
    server.json(201, "{\"id\":\"t1\"}").json(201, "{\"id\":\"t2\"}");
    JsonObject nested = new JsonObject();
    nested.add("list", new JsonArray());
    RequestOptions options = RequestOptions.builder()
        .extraBodyMember("beta_flag", new JsonPrimitive(true))
        .extraBodyMember("name", new JsonPrimitive("replaced"))
        .extraBodyMember("cleared", JsonNull.INSTANCE)
        .extraBodyMember("nested", nested)
        .build();
    nested.addProperty("after", "built"); // the options took a copy
    try (TestClient client = server.client()) {
      MergeCall<TestApi.Thing> call = client.api.create(thing("original"));
      call.with(options).execute();
      call.execute();
    }
    JsonObject sent = JsonParser.parseString(server.take().getBody().utf8()).getAsJsonObject();
    assertEquals(JsonParser.parseString("{\"name\":\"replaced\",\"size\":3,\"beta_flag\":true,\"cleared\":null,"
        + "\"nested\":{\"list\":[]}}"), sent);
    assertEquals(JsonParser.parseString("{\"name\":\"original\",\"size\":3}"),
        JsonParser.parseString(server.take().getBody().utf8()), "the call without options is unchanged");
  }

  @Test
  void extraBodyMembersAreRefusedWhenTheCallIsMadeForAnOperationWithoutAJsonObjectBody() {
    RequestOptions options = RequestOptions.builder().extraBodyMember("x", new JsonPrimitive(1)).build();
    try (TestClient client = server.client()) {
      IllegalArgumentException get = assertThrows(IllegalArgumentException.class,
          () -> client.api.get("t1").with(options));
      assertEquals("extraBodyMember needs an operation with a JSON object body; GET " + server.baseUrl()
          + "things/t1 sends no body", get.getMessage());
      IllegalArgumentException upload = assertThrows(IllegalArgumentException.class,
          () -> client.api.upload("tok", Upload.fromStream(new java.io.ByteArrayInputStream(new byte[] {1, 2}), 2, "application/zip")).with(options));
      assertTrue(upload.getMessage().endsWith("sends application/zip"), upload.getMessage());
      IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
          () -> client.api.delete("t1").with(options));
      assertTrue(empty.getMessage().contains("sends a body without a content type"), empty.getMessage());
    }
    assertEquals(0, server.requestCount());
  }

  @Test
  void theBuilderRefusesBlankNamesAndMissingValuesNamingThem() {
    RequestOptions.Builder b = RequestOptions.builder();
    assertEquals("extraQueryParameter name must not be blank",
        assertThrows(IllegalArgumentException.class, () -> b.extraQueryParameter(" ", "v")).getMessage());
    assertEquals("value of extraQueryParameter q must not be null",
        assertThrows(NullPointerException.class, () -> b.extraQueryParameter("q", null)).getMessage());
    assertEquals("extraBodyMember name must not be null",
        assertThrows(NullPointerException.class, () -> b.extraBodyMember(null, JsonNull.INSTANCE)).getMessage());
    assertEquals("value of extraBodyMember m must not be null (use JsonNull.INSTANCE)",
        assertThrows(NullPointerException.class, () -> b.extraBodyMember("m", null)).getMessage());
  }

  @Test
  void aSecretNamedExtraQueryParameterIsMaskedInLogsMessagesAndTheOptionsToString() {
    server.json(404, "{\"detail\":\"no such thing\"}");
    List<String> lines = new ArrayList<>();
    String secret = "ext_SECRET_value_123456";
    RequestOptions options = RequestOptions.builder().extraQueryParameter("partner_token", secret).build();
    try (TestClient client = server.clientBuilder().logger(lines::add).build()) {
      NotFoundException e = assertThrows(NotFoundException.class, () -> client.api.get("t1").with(options).execute());
      assertFalse(e.getMessage().contains(secret), e.getMessage());
      assertTrue(e.getMessage().contains("partner_token=***"), e.getMessage());
    }
    assertEquals(secret, server.take().getUrl().queryParameter("partner_token"));
    assertFalse(lines.isEmpty());
    lines.forEach(line -> assertFalse(line.contains(secret), line));
    assertFalse(options.toString().contains(secret), options.toString());
    assertTrue(options.toString().contains("extraQueryParameters=partner_token"), options.toString());
    assertEquals(Map.of("partner_token", List.of(secret)), options.extraQueryParameters());
  }
}
