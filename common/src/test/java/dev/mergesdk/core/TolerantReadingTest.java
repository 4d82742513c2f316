package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * By default one mis-shaped member never sinks a response: it is left unset, its raw value kept in
 * {@code unknownFields()} and reported to the listener, and the rest decodes; with strict decoding the same response
 * is a {@code DecodeException}. Every wrong value the fixture fuzzer uses ({@link JsonMutator#WRONG_TYPES},
 * {@link JsonMutator#HUGE_NUMBERS}) is put in every member and element of a model holding each shape a generated
 * model has, and read in both modes.
 */
class TolerantReadingTest {
  private static final Gson NULLS = new GsonBuilder().serializeNulls().create();
  private static final String BASELINE = "{\"text\":\"t\",\"count\":2,\"size\":3,\"ratio\":0.5,\"flag\":true,"
      + "\"status\":\"ACTIVE\",\"at\":\"2024-01-02T03:04:05Z\",\"day\":\"2024-01-02\",\"owner\":\"u-1\","
      + "\"child\":{\"id\":\"c1\",\"name\":\"child\"},\"tags\":[\"a\",\"b\"],\"children\":[{\"id\":\"k1\"},{\"id\":\"k2\"}],"
      + "\"labels\":{\"team\":\"docs\"},\"grid\":[[1,2],[3]],\"raw\":{\"any\":1}}";
  /** Where a value is replaced: a member, or an element inside one (member, then the path below it). */
  private static final String[][] SLOTS = {{"text"}, {"count"}, {"size"}, {"ratio"}, {"flag"}, {"status"}, {"at"},
      {"day"}, {"owner"}, {"child"}, {"tags"}, {"children"}, {"labels"}, {"grid"}, {"raw"}, {"tags", "0"},
      {"children", "1"}, {"labels", "team"}, {"grid", "0"}, {"grid", "1", "0"}, {"child", "name"}};

  private final MockServer server = new MockServer();
  private final List<DecodeAnomaly> anomalies = new CopyOnWriteArrayList<>();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private volatile String body = BASELINE;

  TolerantReadingTest() {
    server.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
      }
    });
  }

  @AfterEach
  void close() {
    server.close();
  }

  private TestClient tolerant() {
    return server.clientBuilder().retryPolicy(RetryPolicy.none()).logger(log::add).callListener(new CallListener() {
      @Override
      public void decodeAnomaly(CallInfo call, DecodeAnomaly anomaly) {
        anomalies.add(anomaly);
      }
    }).build();
  }

  private TestClient strict() {
    return server.clientBuilder().retryPolicy(RetryPolicy.none()).strictDecoding(true).build();
  }

  private static JsonObject tree(TestApi.Shaped shaped) {
    return NULLS.toJsonTree(shaped).getAsJsonObject();
  }

  /** The baseline with the value at {@code slot} replaced by the raw JSON text {@code raw}. */
  private static String replaced(String[] slot, String raw) {
    JsonElement root = JsonParser.parseString(BASELINE);
    JsonElement parent = root;
    for (int i = 0; i < slot.length - 1; i++) {
      parent = parent.isJsonArray() ? parent.getAsJsonArray().get(Integer.parseInt(slot[i]))
          : parent.getAsJsonObject().get(slot[i]);
    }
    String last = slot[slot.length - 1];
    JsonPrimitive marker = new JsonPrimitive("__placeholder__");
    if (parent.isJsonArray()) {
      parent.getAsJsonArray().set(Integer.parseInt(last), marker);
    } else {
      parent.getAsJsonObject().add(last, marker);
    }
    return root.toString().replace("\"__placeholder__\"", raw);
  }

  @Test
  void everyWrongValueInEveryMemberIsReadTolerantlyByDefaultAndFailsTheCallWhenStrict() {
    List<String> values = new ArrayList<>(List.of(JsonMutator.WRONG_TYPES));
    values.addAll(List.of(JsonMutator.HUGE_NUMBERS));
    List<String> broken = new ArrayList<>();
    java.util.Set<String> unreadable = new java.util.TreeSet<>();
    int tolerated = 0;
    try (TestClient tolerant = tolerant(); TestClient strict = strict()) {
      body = BASELINE;
      JsonObject baseline = tree(strict.api.shaped("1").execute());
      for (String[] slot : SLOTS) {
        for (String raw : values) {
          String what = String.join(".", slot) + " = " + (raw.length() > 40 ? raw.substring(0, 40) + "..." : raw);
          body = replaced(slot, raw);
          anomalies.clear();
          TestApi.Shaped strictResult = null;
          try {
            strictResult = strict.api.shaped("1").execute();
          } catch (DecodeException expected) {
            // the same document is read tolerantly below
          }
          TestApi.Shaped read;
          try {
            read = tolerant.api.shaped("1").execute();
          } catch (MergeException e) {
            // Only what the JSON reader itself refuses may fail, and then in both modes.
            if (strictResult != null || !e.getMessage().contains("malformed JSON")) {
              broken.add(what + ": tolerant reading failed: " + e.getMessage());
            }
            unreadable.add(raw);
            continue;
          }
          String member = slot[0];
          if (strictResult != null) {
            if (!tree(read).equals(tree(strictResult)) || !anomalies.isEmpty()) {
              broken.add(what + ": fits, so both modes must agree and report nothing; " + anomalies);
            }
            continue;
          }
          tolerated++;
          JsonObject others = tree(read);
          JsonObject expectedOthers = baseline.deepCopy();
          others.remove(member);
          expectedOthers.remove(member);
          if (!others.equals(expectedOthers)) {
            broken.add(what + ": the other members changed: " + others);
          }
          if (anomalies.isEmpty() || !anomalies.stream().allMatch(a -> a.path().startsWith("$." + member))) {
            broken.add(what + ": expected anomalies under $." + member + ", got " + anomalies);
            continue;
          }
          DecodeAnomaly.Action action = anomalies.get(0).action();
          JsonElement kept = read.unknownFields().get(member);
          if (anomalies.get(0).path().equals("$.child.name")) {
            if (read.child.name != null || read.child.unknownFields().get("name") == null) {
              broken.add(what + ": expected child.name unset and kept in the child's unknownFields()");
            }
          } else if (action == DecodeAnomaly.Action.FIELD_UNSET
              && (!tree(read).get(member).isJsonNull() || kept == null)) {
            broken.add(what + ": expected " + member + " unset and kept, got " + tree(read).get(member) + " / " + kept);
          }
          if (action == DecodeAnomaly.Action.ELEMENT_DROPPED && kept == null) {
            broken.add(what + ": expected the dropped element kept under " + member);
          }
          if (action == DecodeAnomaly.Action.WRAPPED_IN_ARRAY && tree(read).get(member).getAsJsonArray().size() != 1) {
            broken.add(what + ": expected a one-element list, got " + tree(read).get(member));
          }
        }
      }
    }
    assertEquals(List.of(), broken);
    assertEquals(java.util.Set.of("1" + "0".repeat(5000)), unreadable, "only a number too long for the reader");
    assertTrue(tolerated > 100, "the sweep tolerated only " + tolerated + " mismatches");
  }

  @Test
  void aMemberThatDoesNotFitIsLeftUnsetItsRawValueKeptAndReported() {
    body = "{\"text\":\"t\",\"size\":\"big\",\"at\":\"31/12/2024\",\"count\":1.5}";
    try (TestClient client = tolerant()) {
      TestApi.Shaped read = client.api.shaped("1").execute();
      assertEquals("t", read.text);
      assertNull(read.size);
      assertNull(read.at);
      assertNull(read.count);
      assertEquals(JsonParser.parseString("{\"size\":\"big\",\"at\":\"31/12/2024\",\"count\":1.5}"), read.unknownFields());
    }
    assertEquals(List.of("$.size of Shaped: expected Long, found string (FIELD_UNSET)",
        "$.at of Shaped: expected OffsetDateTime, found string (FIELD_UNSET)",
        "$.count of Shaped: expected Integer, found number (FIELD_UNSET)"),
        anomalies.stream().map(DecodeAnomaly::toString).collect(java.util.stream.Collectors.toList()));
    assertTrue(log.stream().anyMatch(l -> l.equals("read tolerantly: $.size of Shaped: expected Long, found string"
        + " (FIELD_UNSET)")), log.toString());
    log.forEach(line -> assertFalse(line.contains("31/12/2024"), "a value never reaches the log: " + line));
  }

  @Test
  void aLoneValueWhereAListIsDeclaredIsReadAsAOneElementList() {
    body = "{\"tags\":\"solo\",\"children\":{\"id\":\"only\"}}";
    try (TestClient client = tolerant(); TestClient strict = strict()) {
      TestApi.Shaped read = client.api.shaped("1").execute();
      assertEquals(List.of("solo"), read.tags);
      assertEquals("only", read.children.get(0).id);
      assertEquals(1, read.children.size());
      assertEquals(new JsonObject(), read.unknownFields());
      assertThrows(DecodeException.class, () -> strict.api.shaped("1").execute());
    }
    assertEquals(2, anomalies.size());
    assertEquals(DecodeAnomaly.Action.WRAPPED_IN_ARRAY, anomalies.get(1).action());
    assertEquals("List<Thing>", anomalies.get(1).expected());
    assertEquals("object", anomalies.get(1).found());
  }

  @Test
  void elementsOfAListOrMapThatDoNotFitAreLeftOutAndKeptUnderTheMembersName() {
    body = "{\"tags\":[\"a\",{},\"b\",[1]],\"children\":[{\"id\":\"k1\"},\"k2\",{\"id\":\"k3\",\"size\":true}],"
        + "\"labels\":{\"team\":\"docs\",\"bad\":{\"x\":1}}}";
    try (TestClient client = tolerant()) {
      TestApi.Shaped read = client.api.shaped("1").execute();
      assertEquals(List.of("a", "b"), read.tags);
      assertEquals(List.of("k1", "k3"), List.of(read.children.get(0).id, read.children.get(1).id));
      assertNull(read.children.get(1).size);
      assertEquals(new JsonPrimitive(true), read.children.get(1).unknownFields().get("size"));
      assertEquals(Map.of("team", "docs"), read.labels);
      assertEquals(JsonParser.parseString("{\"tags\":[{},[1]],\"children\":[\"k2\"],\"labels\":{\"bad\":{\"x\":1}}}"),
          read.unknownFields());
    }
    assertEquals(List.of("$.tags[1]", "$.tags[3]", "$.children[1]", "$.children[2].size", "$.labels.bad"),
        anomalies.stream().map(DecodeAnomaly::path).collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void aPageKeepsEveryItemWhenOneItemHasAMisShapedMember() {
    body = "{\"next\":null,\"results\":[{\"id\":\"1\",\"size\":{\"bytes\":10}},{\"id\":\"2\",\"size\":20}]}";
    List<String> ids = new ArrayList<>();
    try (TestClient client = tolerant()) {
      client.api.listByCursor(null, null).autoPage().forEach(t -> ids.add(t.id + ":" + t.size));
    }
    assertEquals(List.of("1:null", "2:20"), ids);
    assertEquals("$.results[0].size", anomalies.get(0).path());
    assertEquals("Thing", anomalies.get(0).model());
  }

  @Test
  void whatIsNotTheDeclaredDocumentOrNotJsonStillFailsInBothModes() {
    try (TestClient tolerant = tolerant(); TestClient strict = strict()) {
      for (String bad : new String[] {"[]", "\"hello\"", "null", "{\"text\":", "{\"raw\":" + "[".repeat(300)
          + "]".repeat(300) + "}", "{\"text\":" + "{\"a\":".repeat(300) + "1" + "}".repeat(300) + "}"}) {
        body = bad;
        assertThrows(DecodeException.class, () -> tolerant.api.shaped("1").execute(), bad);
        assertThrows(DecodeException.class, () -> strict.api.shaped("1").execute(), bad);
      }
    }
  }
}
