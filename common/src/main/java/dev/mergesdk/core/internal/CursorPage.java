package dev.mergesdk.core.internal;

/**
 * A page whose {@code next} is an opaque cursor, passed back as the {@code cursor} query parameter.
 *
 * @param <I> the item model
 */
public interface CursorPage<I> extends Page<I> {
  /** {@return the cursor of the next page, or null on the last page} */
  String getNext();
}
