package dev.mergesdk.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Splits a list of items into pages shaped like the API's own: File Storage's cursor pages
 * {@code {next, previous, results}} (opaque cursors, sent back as {@code ?cursor=}), Agent Handler's numbered pages
 * {@code {count, next, previous, results}} (next and previous are page URLs with {@code ?page=}).
 */
public final class Pages {
  static {
    QuietSlf4j.whenNoProvider(); // before swagger-core's JSON mapper is first used
  }

  private final SpecOperation.Paging paging;
  private final List<List<JsonNode>> pages;
  private final int count;

  private Pages(SpecOperation.Paging paging, List<JsonNode> items, int pageCount) {
    if (pageCount < 1) {
      throw new IllegalArgumentException("pageCount must be at least 1");
    }
    if (paging == SpecOperation.Paging.NONE) {
      throw new IllegalArgumentException("not a paged operation");
    }
    this.paging = paging;
    this.count = items.size();
    this.pages = new ArrayList<>();
    for (int i = 0; i < pageCount; i++) {
      pages.add(new ArrayList<>(items.subList(i * items.size() / pageCount, (i + 1) * items.size() / pageCount)));
    }
  }

  /**
   * @param paging the API's paging shape
   * @param itemsJsonArray the items, as a JSON array
   * @param pageCount how many pages to spread them over (evenly, in order)
   * @return the pages
   */
  public static Pages of(SpecOperation.Paging paging, String itemsJsonArray, int pageCount) {
    JsonNode array;
    try {
      array = Json.mapper().readTree(itemsJsonArray);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("items are not JSON: " + e.getOriginalMessage(), e);
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException("items must be a JSON array");
    }
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return new Pages(paging, items, pageCount);
  }

  /** {@return how many pages} */
  public int size() {
    return pages.size();
  }

  /** {@return the cursor that asks for page {@code number} (1-based) of a cursor-paged list} */
  static String cursorFor(int number) {
    return "testkit-page-" + number;
  }

  /**
   * Picks the page a request asks for ({@code ?cursor=} or {@code ?page=}; the first page when absent).
   *
   * @param request the request
   * @return the page's 1-based number
   */
  int pageNumber(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    int number = 1;
    if (paging == SpecOperation.Paging.CURSOR) {
      String cursor = url.queryParameter("cursor");
      if (cursor != null && cursor.startsWith("testkit-page-")) {
        number = Integer.parseInt(cursor.substring("testkit-page-".length()));
      }
    } else {
      String page = url.queryParameter("page");
      if (page != null && !page.isEmpty()) {
        number = Integer.parseInt(page);
      }
    }
    return Math.max(1, Math.min(number, pages.size()));
  }

  /**
   * @param request the request for a page
   * @return the page's JSON body
   */
  String body(RecordedRequest request) {
    int number = pageNumber(request);
    ObjectNode page = Json.mapper().createObjectNode();
    if (paging == SpecOperation.Paging.NUMBERED) {
      page.put("count", count);
      HttpUrl url = request.getUrl();
      put(page, "next", number < pages.size() ? url.newBuilder().setQueryParameter("page",
          Integer.toString(number + 1)).build().toString() : null);
      put(page, "previous", number > 1 ? url.newBuilder().setQueryParameter("page",
          Integer.toString(number - 1)).build().toString() : null);
    } else {
      put(page, "next", number < pages.size() ? cursorFor(number + 1) : null);
      put(page, "previous", number > 1 ? cursorFor(number - 1) : null);
    }
    ArrayNode results = page.putArray("results");
    pages.get(number - 1).forEach(results::add);
    return page.toString();
  }

  private static void put(ObjectNode node, String field, String value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
