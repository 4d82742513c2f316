package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class PagingTest {

  private static String cursorPage(int page, int pages, int perPage) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < perPage; i++) {
      items.append(i == 0 ? "" : ",").append("{\"id\":\"").append(page * perPage + i).append("\"}");
    }
    String next = page + 1 < pages ? "\"c" + (page + 1) + "\"" : "null";
    return "{\"next\":" + next + ",\"previous\":null,\"results\":[" + items + "]}";
  }

  @Test
  void autoPagingFollowsCursorsAcrossManyPagesKeepingEveryFilter() {
    int pages = 60;
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      for (int p = 0; p < pages; p++) {
        server.json(200, cursorPage(p, pages, 5));
      }
      List<String> ids = client.api.listByCursor("report q3", 5).stream().map(t -> t.id).collect(Collectors.toList());
      assertEquals(pages * 5, ids.size());
      for (int i = 0; i < ids.size(); i++) {
        assertEquals(String.valueOf(i), ids.get(i), "items arrive in order, none skipped or repeated");
      }
      assertEquals("/api/things?name=report%20q3&page_size=5", server.take().getTarget());
      for (int p = 1; p < pages; p++) {
        RecordedRequest request = server.take();
        assertEquals("/api/things?name=report%20q3&page_size=5&cursor=c" + p, request.getTarget());
        assertEquals(MockServer.ACCOUNT_TOKEN, request.getHeaders().get("X-Account-Token"));
      }
    }
  }

  @Test
  void pagesAreFetchedOnlyAsTheIterationReachesThem() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, cursorPage(0, 3, 2)).json(200, cursorPage(1, 3, 2)).json(200, cursorPage(2, 3, 2));
      java.util.Iterator<TestApi.Thing> items = client.api.listByCursor(null, null).autoPage().iterator();
      assertEquals(0, server.requestCount());
      items.next();
      items.next();
      assertEquals(1, server.requestCount());
      items.next();
      assertEquals(2, server.requestCount());
    }
  }

  @Test
  void pageNumberPaginationRequestsTheNextPageNumberWithTheSameFilters() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, "{\"count\":5,\"next\":\"https://ah-api.merge.dev/api/v1/numbered/?name=x&page=2\",\"previous\":null,\"results\":[{\"id\":\"a\"},{\"id\":\"b\"}]}");
      server.json(200, "{\"count\":5,\"next\":\"https://ah-api.merge.dev/api/v1/numbered/?name=x&page=3\",\"previous\":\"p\",\"results\":[{\"id\":\"c\"},{\"id\":\"d\"}]}");
      server.json(200, "{\"count\":5,\"next\":null,\"previous\":\"p\",\"results\":[{\"id\":\"e\"}]}");
      List<String> ids = client.api.listByNumber("x").stream().map(t -> t.id).collect(Collectors.toList());
      assertEquals(List.of("a", "b", "c", "d", "e"), ids);
      assertEquals("/api/numbered/?name=x", server.take().getTarget());
      assertEquals("/api/numbered/?name=x&page=2", server.take().getTarget());
      assertEquals("/api/numbered/?name=x&page=3", server.take().getTarget());
    }
  }

  @Test
  void tokenPaginationStopsWhenHasMoreIsFalse() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, "{\"next_cursor\":\"t2\",\"has_more\":true,\"results\":[{\"id\":\"1\"}]}");
      server.json(200, "{\"next_cursor\":\"t3\",\"has_more\":false,\"results\":[{\"id\":\"2\"}]}");
      assertEquals(2, client.api.listByToken("slack").stream().count());
      assertEquals("/api/tokens/?tool=slack", server.take().getTarget());
      assertEquals("/api/tokens/?tool=slack&cursor=t2", server.take().getTarget());
      assertEquals(2, server.requestCount());
    }
  }

  @Test
  void pageByPageAccessRemainsAvailable() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, cursorPage(0, 2, 3)).json(200, cursorPage(1, 2, 3));
      List<Integer> sizes = new ArrayList<>();
      for (TestApi.CursorThings page : client.api.listByCursor(null, 3).pages()) {
        sizes.add(page.results.size());
      }
      assertEquals(List.of(3, 3), sizes);
      server.json(200, cursorPage(0, 2, 3));
      assertEquals("c1", client.api.listByCursor(null, 3).execute().next);
    }
  }

  @Test
  void aServerThatRepeatsTheSameCursorIsReportedInsteadOfLoopingForeverAfterDeliveringWhatItSent() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, "{\"next\":\"same\",\"results\":[{\"id\":\"1\"}]}");
      server.json(200, "{\"next\":\"same\",\"results\":[{\"id\":\"2\"}]}");
      List<String> ids = new java.util.ArrayList<>();
      MergeException e = assertThrows(MergeException.class,
          () -> client.api.listByCursor(null, null).autoPage().forEach(t -> ids.add(t.id)));
      assertTrue(e.getMessage().contains("cycled"), e.getMessage());
      assertEquals(List.of("1", "2"), ids, "the items of every page fetched are delivered before the error");
      assertEquals(2, server.requestCount());
    }
  }

  @Test
  void aTransientFailureWhilePagingRetriesThatPageOnly() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, cursorPage(0, 3, 2)).json(503, "{}").json(200, cursorPage(1, 3, 2)).json(200, cursorPage(2, 3, 2));
      List<String> ids = client.api.listByCursor(null, null).stream().map(t -> t.id).collect(Collectors.toList());
      assertEquals(List.of("0", "1", "2", "3", "4", "5"), ids);
      server.take();
      assertEquals(server.take().getTarget(), server.take().getTarget(), "the failed page is requested again as is");
    }
  }

  @Test
  void aCursorCycleOfAnyLengthEndsAfterEveryFetchedPageWasDelivered() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, "{\"next\":\"B\",\"results\":[{\"id\":\"a\"}]}");
      server.json(200, "{\"next\":\"C\",\"results\":[{\"id\":\"b\"}]}");
      server.json(200, "{\"next\":\"B\",\"results\":[{\"id\":\"c\"}]}");
      List<String> ids = new java.util.ArrayList<>();
      MergeException e = assertThrows(MergeException.class,
          () -> client.api.listByCursor(null, null).autoPage().forEach(t -> ids.add(t.id)));
      assertEquals(List.of("a", "b", "c"), ids);
      assertTrue(e.getMessage().contains("after 3 pages"), e.getMessage());
      assertEquals(3, server.requestCount(), "the page pointed back to is not fetched again");
    }
  }

  @Test
  void aPageNumberCycleIsCaughtToo() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, "{\"next\":\"https://x.test/numbered/?page=2\",\"results\":[{\"id\":\"1\"}]}");
      server.json(200, "{\"next\":\"https://x.test/numbered/?page=1\",\"results\":[{\"id\":\"2\"}]}");
      List<String> ids = new java.util.ArrayList<>();
      assertThrows(MergeException.class, () -> client.api.listByNumber("x").autoPage().forEach(t -> ids.add(t.id)));
      assertEquals(List.of("1", "2"), ids);
      assertEquals(2, server.requestCount());
    }
  }

  @Test
  void aCycleLongerThanTheExactWindowIsStillCaughtInBoundedMemory() {
    CycleDetector detector = new CycleDetector();
    int cycle = CycleDetector.WINDOW * 3 + 7;
    int steps = 0;
    String lead = "lead-";
    for (int i = 0; i < 50; i++, steps++) {
      assertFalse(detector.repeats(lead + i));
    }
    boolean caught = false;
    for (int i = 0; i < cycle * 4 && !caught; i++, steps++) {
      caught = detector.repeats("page-" + (i % cycle));
    }
    assertTrue(caught, "a cycle of " + cycle + " pages was never noticed");
    assertTrue(steps <= 50 + 2 * cycle + CycleDetector.WINDOW * 2, "caught only after " + steps + " steps");
  }
}
