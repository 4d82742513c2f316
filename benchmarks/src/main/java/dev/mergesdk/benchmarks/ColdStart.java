package dev.mergesdk.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What the two cold-start contenders ({@link ColdStartSdk}, {@link ColdStartBare}) print, once their call returned. */
final class ColdStart {
  private ColdStart() {
  }

  /** Prints a contender's figures, after its first call returned (so none of this is timed). */
  static void report(Instant mainAt, Instant doneAt, long buildNanos, long firstCallNanos, int items) {
    if (items != Pages.PAGE_SIZE) {
      throw new AssertionError("expected a page of " + Pages.PAGE_SIZE + " items, got " + items);
    }
    Instant epoch = Instant.EPOCH;
    System.out.println("cold.mainAtMicros=" + ChronoUnit.MICROS.between(epoch, mainAt));
    System.out.println("cold.doneAtMicros=" + ChronoUnit.MICROS.between(epoch, doneAt));
    System.out.println("cold.buildMicros=" + buildNanos / 1000);
    System.out.println("cold.firstCallMicros=" + firstCallNanos / 1000);
  }
}
