package dev.mergesdk.core;

import dev.mergesdk.core.internal.PathSegment;

import dev.mergesdk.core.internal.CommaSeparated;
import dev.mergesdk.core.internal.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void unknownFieldsAndUnknownEnumValuesAreKeptNotLost() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, "{\"id\":\"1\",\"status\":\"QUARANTINED\",\"brand_new\":{\"nested\":[1,2]},\"flag\":true,"
          + "\"owner\":{\"id\":\"9\",\"only_in_owner\":\"x\"}}");
      TestApi.Thing thing = client.api.get("1").execute();
      assertEquals(TestApi.Status.UNKNOWN, thing.status);
      assertEquals("QUARANTINED", thing.unknownFields().get("status").getAsString());
      assertEquals(2, thing.unknownFields().getAsJsonObject("brand_new").getAsJsonArray("nested").size());
      assertTrue(thing.unknownFields().get("flag").getAsBoolean());
      assertEquals("x", thing.owner.expanded().orElseThrow().unknownFields().get("only_in_owner").getAsString());
      assertNull(thing.owner.expanded().orElseThrow().unknownFields().get("flag"), "fields land on the object they belong to");
    }
  }

  @Test
  void datesWithAndWithoutFractionalSecondsOrOffsetDecode() {
    assertEquals(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), Json.parseDateTime("2024-01-02T03:04:05Z"));
    assertEquals(123_456_000, Json.parseDateTime("2024-01-02T03:04:05.123456Z").getNano());
    assertEquals(ZoneOffset.ofHours(2), Json.parseDateTime("2024-01-02T03:04:05+02:00").getOffset());
    assertEquals(ZoneOffset.UTC, Json.parseDateTime("2024-01-02T03:04:05").getOffset(), "no offset is read as UTC");
    com.google.gson.JsonParseException e = assertThrows(com.google.gson.JsonParseException.class,
        () -> Json.parseDateTime("yesterday"));
    assertEquals("not an RFC 3339 date-time: 'yesterday'", e.getMessage());
  }

  @Test
  void withStrictDecodingABadDateNamesTheFieldItWasIn() {
    try (MockServer server = new MockServer(); TestClient client = server.clientBuilder().strictDecoding(true).build()) {
      server.json(200, "{\"id\":\"1\",\"created_at\":\"31/12/2024\"}");
      DecodeException e = assertThrows(DecodeException.class, () -> client.api.get("1").execute());
      assertTrue(e.getMessage().contains("'31/12/2024' at $.created_at"), e.getMessage());
    }
  }

  @Test
  void nullFieldsAndIdOrObjectReferencesDecode() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, "{\"id\":\"1\",\"name\":null,\"created_at\":null,\"owner\":\"u-7\",\"remote_data\":null}");
      TestApi.Thing thing = client.api.get("1").execute();
      assertNull(thing.name);
      assertNull(thing.createdAt);
      assertEquals("u-7", thing.owner.id());
      assertTrue(thing.owner.expanded().isEmpty());
    }
  }

  @Test
  void queryValuesUseFullDateTimesAndCommaSeparatedLists() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, "[]");
      client.api.since(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
          CommaSeparated.of(List.of("drive", "folder", "a b"))).execute();
      // Seconds are always written (OffsetDateTime.toString() drops ":00"); the colons travel percent-encoded.
      assertEquals("/api/since?modified_after=2024-01-01T00%3A00%3A00Z&expand=drive,folder,a%20b", server.take().getTarget());
    }
  }

  @Test
  void pathArgumentsArePercentEncodedAndNeverChangeThePath() {
    assertEquals("a%2Fb%3Fc%23d%25e", PathSegment.encode("a/b?c#d%e", "id"));
    assertEquals("%C3%A9t%C3%A9", PathSegment.encode("été", "id"));
    assertEquals("x..y", PathSegment.encode("x..y", "id"));
    assertEquals("id must not be '.' or '..'", assertThrows(IllegalArgumentException.class, () -> PathSegment.encode("..", "id")).getMessage());
    assertEquals("id must not be null", assertThrows(NullPointerException.class, () -> PathSegment.encode(null, "id")).getMessage());
    assertEquals("id must not be blank", assertThrows(IllegalArgumentException.class, () -> PathSegment.encode(" ", "id")).getMessage());
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, "{}");
      client.api.get(PathSegment.encode("../../admin?x=1", "id")).execute();
      assertEquals("/api/things/..%2F..%2Fadmin%3Fx%3D1", server.take().getTarget());
    }
  }
}
