package dev.mergesdk.core.internal;

/**
 * A page of page-number pagination: {@code next} is the URL of the next page (or null), and the next page is
 * requested through the {@code page} query parameter.
 *
 * @param <I> the item model
 */
public interface NumberedPage<I> extends Page<I> {
  /** {@return the URL of the next page, or null on the last page} */
  String getNext();
}
