package dev.mergesdk.core.internal;

import java.util.List;

/**
 * A page of a list response. The sub-interface tells how the next page is found.
 *
 * @param <I> the item model
 */
public interface Page<I> {
  /** {@return the items on this page; may be null or empty} */
  List<I> getResults();
}
