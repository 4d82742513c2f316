package dev.mergesdk.core;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one paging loop of the SDK, for every paged operation and for MCP's {@code tools/list}: fetches a page only
 * when the caller asks for it, follows the key the page names (a cursor, a page number) and stops at the last
 * page. A server that leads the walk back to a page it already served ends it with a {@link MergeException},
 * raised once the pages fetched so far have all been delivered; see {@link CycleDetector} for the memory bound.
 * Not part of the SDK's API; public only for the generated and hand-written code of the clients.
 *
 * @param <P> the page
 */
public final class Paginator<P> implements Iterator<P> {
  private final Function<String, P> fetch;
  private final BiFunction<P, String, String> nextKey;
  private final String what;
  private final CycleDetector seen = new CycleDetector();
  /** The key of the page to fetch next; null for the first, which is fetched as the caller's request stands. */
  private String fetchKey;
  private String currentKey;
  private boolean done;
  private long pages;
  private MergeException pending;

  /**
   * @param firstKey the key of the first page (its cursor or page number), or null when the first request has none
   * @param fetch fetches the page with a key; called with null for the first page
   * @param nextKey {@code (page, its key) -> the next page's key}, null or empty after the last page
   * @param what names the walk in the error message, e.g. {@code GET https://.../files}
   */
  public Paginator(String firstKey, Function<String, P> fetch, BiFunction<P, String, String> nextKey, String what) {
    this.currentKey = firstKey;
    this.fetch = fetch;
    this.nextKey = nextKey;
    this.what = what;
    if (firstKey != null) {
      seen.repeats(firstKey);
    }
  }

  @Override
  public boolean hasNext() {
    if (pending != null) {
      throw pending;
    }
    return !done;
  }

  @Override
  public P next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    P page = fetch.apply(fetchKey);
    pages++;
    String next = page == null ? null : nextKey.apply(page, currentKey);
    if (next == null || next.isEmpty()) {
      done = true;
    } else if (seen.repeats(next)) {
      done = true;
      pending = new MergeException("pagination of " + what + " cycled: after " + pages
          + " pages the server pointed back to a page it already served (" + Snippets.shorten(next, 80) + ")");
    } else {
      fetchKey = next;
      currentKey = next;
    }
    return page;
  }
}
