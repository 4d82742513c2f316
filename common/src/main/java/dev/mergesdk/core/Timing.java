package dev.mergesdk.core;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The clocks and the sleep the retry loop uses, behind one seam so that its specification runs on a fake clock
 * instead of real time.
 */
interface Timing {
  /** How often a waiting retry looks whether its call was cancelled (by the caller or by the call's timeout). */
  long CANCEL_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  /** The real clocks; a wait wakes within {@link #CANCEL_POLL_NANOS} of a cancellation. */
  Timing SYSTEM = new Timing() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Instant now() {
      return Instant.now();
    }

    @Override
    public boolean sleep(Duration wait, BooleanSupplier canceled) throws InterruptedIOException {
      long end = System.nanoTime() + wait.toNanos();
      try {
        for (long left = wait.toNanos(); left > 0; left = end - System.nanoTime()) {
          if (canceled.getAsBoolean()) {
            return false;
          }
          TimeUnit.NANOSECONDS.sleep(Math.min(left, CANCEL_POLL_NANOS));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting to retry");
        interrupted.initCause(e);
        throw interrupted;
      }
      return !canceled.getAsBoolean();
    }
  };

  /** {@return a monotonic reading in nanoseconds, for deadlines} */
  long nanoTime();

  /** {@return the wall-clock time, for {@code Retry-After} dates} */
  Instant now();

  /**
   * Waits before a retry.
   *
   * @param wait how long
   * @param canceled whether the call was cancelled meanwhile
   * @return false when the wait ended early because the call was cancelled
   * @throws InterruptedIOException when the waiting thread is interrupted (its interrupt flag is kept)
   */
  boolean sleep(Duration wait, BooleanSupplier canceled) throws InterruptedIOException;
}
