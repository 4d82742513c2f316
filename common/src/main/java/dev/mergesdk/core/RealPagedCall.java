package dev.mergesdk.core;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Walks a list operation page by page. Each next page is the first request with only its page parameter
 * changed, so every filter carries over; only the current page is held in memory.
 */
final class RealPagedCall<P extends Page<I>, I> extends RealMergeCall<P> implements PagedCall<P, I> {

  RealPagedCall(Request request, Call.Factory callFactory, ResponseDecoder<P> decoder, RequestOptions options) {
    super(request, callFactory, decoder, options);
  }

  @Override
  public PagedCall<P, I> with(RequestOptions options) {
    return new RealPagedCall<>(request, callFactory, decoder, checked(options));
  }

  @Override
  public Iterable<P> pages() {
    return PageIterator::new;
  }

  @Override
  public Iterable<I> autoPage() {
    return () -> new Iterator<I>() {
      private final Iterator<P> pages = new PageIterator();
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

  /** The request for the page after {@code page}, or null if it was the last. */
  static Request nextRequest(Request current, Page<?> page) {
    HttpUrl url = current.url();
    HttpUrl next;
    if (page instanceof CursorPage) {
      String cursor = ((CursorPage<?>) page).getNext();
      if (cursor == null || cursor.isEmpty()) {
        return null;
      }
      requireProgress(cursor, url.queryParameter("cursor"));
      next = url.newBuilder().setQueryParameter("cursor", cursor).build();
    } else if (page instanceof TokenPage) {
      TokenPage<?> tokenPage = (TokenPage<?>) page;
      String cursor = tokenPage.getNextCursor();
      if (cursor == null || cursor.isEmpty() || Boolean.FALSE.equals(tokenPage.getHasMore())) {
        return null;
      }
      requireProgress(cursor, url.queryParameter("cursor"));
      next = url.newBuilder().setQueryParameter("cursor", cursor).build();
    } else if (page instanceof NumberedPage) {
      String nextUrl = ((NumberedPage<?>) page).getNext();
      if (nextUrl == null || nextUrl.isEmpty()) {
        return null;
      }
      int currentPage = pageNumber(url.queryParameter("page"), 1);
      int nextPage = pageNumber(pageParameterOf(nextUrl), currentPage + 1);
      requireProgress(String.valueOf(nextPage), String.valueOf(currentPage));
      next = url.newBuilder().setQueryParameter("page", String.valueOf(nextPage)).build();
    } else {
      return null;
    }
    return current.newBuilder().url(next).build();
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

  private static void requireProgress(String next, String current) {
    if (Objects.equals(next, current)) {
      throw new MergeException("pagination did not advance: the server returned the current page as the next one");
    }
  }

  private final class PageIterator implements Iterator<P> {
    private Request nextRequest = request;

    @Override
    public boolean hasNext() {
      return nextRequest != null;
    }

    @Override
    public P next() {
      if (nextRequest == null) {
        throw new NoSuchElementException();
      }
      P page = new RealMergeCall<>(nextRequest, callFactory, decoder, options).execute();
      nextRequest = page == null ? null : nextRequest(nextRequest, page);
      return page;
    }
  }
}
