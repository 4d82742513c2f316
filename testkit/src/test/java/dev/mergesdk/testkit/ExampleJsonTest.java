package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stub data built from the spec's examples, against the fixture spec. */
class ExampleJsonTest {
  private static final ApiSpec SPEC = ApiSpec.named("testkit-fixture");
  private final MergeMock mock = MergeMock.of(SPEC).start();
  private final OkHttpClient http = new OkHttpClient();

  @AfterEach
  void stop() {
    mock.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private String get(String relative) throws IOException {
    try (Response r = http.newCall(new Request.Builder().url(mock.baseUrl() + relative)
        .header("Authorization", "Bearer k").build()).execute()) {
      return r.body().string();
    }
  }

  @Test
  void anExampleChangedMemberByMemberKeepsTheRestOfTheSpecsExample() {
    ExampleJson thing = mock.example("things_retrieve");

    assertEquals("{\"id\":\"t1\",\"name\":\"First\"}", thing.toJson());
    assertEquals("{\"id\":\"t1\",\"name\":\"Renamed\"}", thing.with("name", "Renamed").toJson());
    assertEquals("{\"name\":\"First\"}", thing.without("id").toJson());
    assertEquals("{\"id\":\"t1\",\"name\":\"First\"}", thing.toJson(), "immutable");
  }

  @Test
  void valuesOfEveryKindAreWrittenAsJson() {
    ExampleJson page = mock.example("things_list");

    assertEquals("{\"next\":\"c2\",\"previous\":null,\"results\":[{\"id\":\"t1\",\"name\":\"First\"}]}",
        page.with("next", "c2").toJson());
    assertEquals("[{\"id\":\"t1\",\"name\":\"Second\"}]", page.with("results.0.name", "Second").node()
        .get("results").toString());
    assertEquals("{\"id\":\"t9\"}", page.with("results.1", Map.of("id", "t9"))
        .node().get("results").get(1).toString());
    assertEquals("[1,2.5,true,null,\"2024-01-02T03:04:05Z\"]", page.with("next", java.util.Arrays.asList(1, 2.5,
        true, null, OffsetDateTime.parse("2024-01-02T03:04:05Z"))).node().get("next").toString());
    assertEquals("[]", page.with("results", List.of()).node().get("results").toString());
  }

  @Test
  void aMisspeltMemberOrBadPathFailsNamingWhatTheSpecDeclares() {
    ExampleJson thing = mock.example("things_retrieve");

    IllegalArgumentException misspelt = assertThrows(IllegalArgumentException.class, () -> thing.with("nmae", "x"));
    assertEquals("things_retrieve's example: the spec declares no member nmae; the members there are [id, name]",
        misspelt.getMessage());
    IllegalArgumentException absent = assertThrows(IllegalArgumentException.class, () -> thing.without("size"));
    assertEquals("things_retrieve's example has no member size to remove; it has [id, name]", absent.getMessage());
    assertThrows(IllegalArgumentException.class, () -> thing.with("name.first", "x"), "name is a string");
    assertThrows(IllegalArgumentException.class, () -> thing.with("", "x"));
    assertThrows(IllegalArgumentException.class, () -> mock.example("things_list").with("results.5.name", "x"));
    IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
        () -> thing.with("name", new Object()));
    assertTrue(kind.getMessage().startsWith("the value of name must be a String, Number"), kind.getMessage());
  }

  @Test
  void respondExampleServesTheChangedExampleAndTheMockStillChecksValues() throws IOException {
    mock.stub("things_retrieve").respondExample(t -> t.with("name", "Stubbed"));
    assertEquals("{\"id\":\"t1\",\"name\":\"Stubbed\"}", get("things/t1"));
    mock.assertNoViolations();

    mock.stub("things_retrieve").respondExample(t -> t.with("name", 5));
    get("things/t1");
    ContractViolationError e = assertThrows(ContractViolationError.class, mock::assertNoViolations);
    assertTrue(e.getMessage().contains("things_retrieve GET /api/fixture/v1/things/t1: response: [Path '/name']"
        + " Instance type (integer) does not match any allowed primitive type (allowed: [\"string\"])"),
        e.getMessage());
  }

  @Test
  void pagesOfItemsBuiltFromTheExampleItem() throws IOException {
    ExampleJson item = mock.exampleItem("things_list");
    mock.stub("things_list").respondPages(List.of(item.with("id", "a"), item.with("id", "b")), 2);

    assertTrue(get("things").contains("\"results\":[{\"id\":\"a\",\"name\":\"First\"}]"));
    assertTrue(get("things?cursor=testkit-page-2").contains("\"results\":[{\"id\":\"b\",\"name\":\"First\"}]"));
    mock.assertNoViolations();
    assertThrows(IllegalArgumentException.class, () -> mock.exampleItem("things_retrieve"), "not a paged list");
  }

  @Test
  void uuidsReadAsTheirNumber() {
    assertEquals("00000000-0000-4000-8000-000000000007", ExampleJson.uuid(7));
    assertThrows(IllegalArgumentException.class, () -> ExampleJson.uuid(-1));
  }

  @Test
  void anUnknownOperationIsRefusedNamingTheOperationsOfItsGroup() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mock.stub("things_lst"));
    assertEquals("the Testkit Fixture API spec has no operation things_lst; its things_ operations are"
        + " [things_list, things_create, things_retrieve]", e.getMessage());
    IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> mock.example("nothing"));
    assertTrue(other.getMessage().endsWith("its operations are [things_list, things_create, things_retrieve,"
        + " widgets_list]"), other.getMessage());
  }
}
