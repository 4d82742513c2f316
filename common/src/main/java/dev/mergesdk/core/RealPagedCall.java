package dev.mergesdk.core;

import dev.mergesdk.core.internal.CursorPage;
import dev.mergesdk.core.internal.NumberedPage;
import dev.mergesdk.core.internal.Page;
import dev.mergesdk.core.internal.Paginator;
import dev.mergesdk.core.internal.TokenPage;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Walks a list operation page by page with {@link Paginator}. Each next page is the first request with only its
 * page parameter changed, so every filter carries over; only the current page is held in memory.
 */
final class RealPagedCall<P extends Page<I>, I> extends RealMergeCall<P> implements PagedCall<P, I> {

  RealPagedCall(Request request, ClientContext client, ResponseDecoder<P> decoder, RequestOptions options,
      boolean operationRepeatable, boolean authenticated) {
    super(request, client, decoder, options, operationRepeatable, authenticated);
  }

  @Override
  public PagedCall<P, I> with(RequestOptions options) {
    return new RealPagedCall<>(request, client, decoder, RequestExtras.checked(request, checked(options)),
        operationRepeatable, authenticated);
  }

  @Override
  public Iterable<P> pages() {
    return this::pageIterator;
  }

  @Override
  public Iterable<I> autoPage() {
    return () -> new Iterator<I>() {
      private final Iterator<P> pages = pageIterator();
      private Iterator<I> items = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!items.hasNext() && pages.hasNext()) {
          List<I> results = pages.next().getResults();
          items = results == null ? Collections.emptyIterator() : results.iterator();
        }
        return items.hasNext();
      }

      @Override
      public I next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return items.next();
      }
    };
  }

  @Override
  public Stream<I> stream() {
    return StreamSupport.stream(autoPage().spliterator(), false);
  }

  private Iterator<P> pageIterator() {
    String parameter = pageParameter();
    String firstKey = request.url().queryParameter(parameter);
    if (firstKey == null && parameter.equals("page")) {
      firstKey = "1";
    }
    return new Paginator<P>(firstKey,
        key -> new RealMergeCall<>(key == null ? request : withPage(parameter, key), client, decoder, options,
            operationRepeatable, authenticated).execute(),
        RealPagedCall::nextKey,
        request.method() + " " + Redaction.url(request.url()));
  }

  private Request withPage(String parameter, String key) {
    HttpUrl url = request.url().newBuilder().setQueryParameter(parameter, key).build();
    return request.newBuilder().url(url).build();
  }

  /** The query parameter that selects a page: {@code page} for page-numbered lists, else {@code cursor}. */
  private String pageParameter() {
    Class<?> model = decoder.modelClass();
    return model != null && NumberedPage.class.isAssignableFrom(model) ? "page" : "cursor";
  }

  /** The key of the page after {@code page}, or null if it was the last. */
  static String nextKey(Page<?> page, String currentKey) {
    if (page instanceof CursorPage) {
      return ((CursorPage<?>) page).getNext();
    }
    if (page instanceof TokenPage) {
      TokenPage<?> tokenPage = (TokenPage<?>) page;
      return Boolean.FALSE.equals(tokenPage.getHasMore()) ? null : tokenPage.getNextCursor();
    }
    if (page instanceof NumberedPage) {
      String nextUrl = ((NumberedPage<?>) page).getNext();
      if (nextUrl == null || nextUrl.isEmpty()) {
        return null;
      }
      int current = pageNumber(currentKey, 1);
      return String.valueOf(pageNumber(pageParameterOf(nextUrl), current + 1));
    }
    return null;
  }

  private static String pageParameterOf(String nextUrl) {
    HttpUrl parsed = HttpUrl.parse(nextUrl);
    if (parsed == null) {
      parsed = HttpUrl.parse("http://relative.invalid/" + nextUrl.replaceFirst("^/", ""));
    }
    return parsed == null ? null : parsed.queryParameter("page");
  }

  private static int pageNumber(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
