package dev.mergesdk.benchmarks;

import dev.mergesdk.core.internal.Page;
import java.util.List;
import java.util.Objects;

/** Sanity checks, so no contender is ever timed doing less work than the other. */
final class Checks {
  private Checks() {
  }

  /** @return the number of items, after checking the page is the full page */
  static int items(Object page) {
    List<?> results = ((Page<?>) page).getResults();
    if (results == null || results.size() != Pages.PAGE_SIZE) {
      throw new AssertionError("expected a page of " + Pages.PAGE_SIZE + " items, got "
          + (results == null ? "none" : results.size()));
    }
    return results.size();
  }

  /** Both contenders decoded the same page into equal models. */
  static void samePage(Object sdk, Object bare) {
    items(sdk);
    items(bare);
    if (!Objects.equals(((Page<?>) sdk).getResults(), ((Page<?>) bare).getResults())) {
      throw new AssertionError("the SDK and the bare peer decoded different models");
    }
  }

  /** @return the length, after checking it is the whole body */
  static long length(long got, long expected) {
    if (got != expected) {
      throw new AssertionError("read " + got + " bytes, expected " + expected);
    }
    return got;
  }
}
