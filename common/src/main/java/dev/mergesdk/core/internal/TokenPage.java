package dev.mergesdk.core.internal;

/**
 * A page that carries a {@code next_cursor} token and a {@code has_more} flag; the token is passed back as the
 * {@code cursor} query parameter.
 *
 * @param <I> the item model
 */
public interface TokenPage<I> extends Page<I> {
  /** {@return the cursor of the next page, or null when there is none} */
  String getNextCursor();

  /** {@return whether more pages follow; null when the server did not say} */
  Boolean getHasMore();
}
