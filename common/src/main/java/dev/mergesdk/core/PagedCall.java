package dev.mergesdk.core;

import java.util.stream.Stream;

/**
 * A list operation. Besides fetching one page like any {@link MergeCall}, it walks every page lazily: the next
 * page is requested only when the previous one is used up, with the same filters, so memory stays constant
 * however many pages there are.
 *
 * @param <P> the page model
 * @param <I> the item model
 */
public interface PagedCall<P extends Page<I>, I> extends MergeCall<P> {

  /** @return every item of every page, fetched lazily as the iteration advances */
  Iterable<I> autoPage();

  /** @return every item of every page as a sequential, lazily fetched stream */
  Stream<I> stream();

  /** @return every page, starting with this call's, fetched lazily */
  Iterable<P> pages();

  @Override
  @com.google.errorprone.annotations.CheckReturnValue
  PagedCall<P, I> with(RequestOptions options);
}
