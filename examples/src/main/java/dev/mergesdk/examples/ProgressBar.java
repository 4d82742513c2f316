package dev.mergesdk.examples;

import dev.mergesdk.core.Download;
import java.io.PrintStream;
import java.util.Locale;

/** A text progress bar: {@code [##########----------]  50%  1.0 / 2.0 MiB}. */
final class ProgressBar implements Download.ProgressListener {
  private final PrintStream out;
  private final String label;
  private final boolean interactive;
  private int lastShown = -1;

  ProgressBar(PrintStream out, String label, boolean interactive) {
    this.out = out;
    this.label = label;
    this.interactive = interactive;
  }

  @Override
  public void onProgress(long bytesSoFar, long totalBytes) {
    int percent = totalBytes > 0 ? (int) (bytesSoFar * 100 / totalBytes) : 0;
    // In a terminal the bar redraws in place; in a log it prints at each quarter, so the log stays short.
    int step = interactive ? percent : percent / 25 * 25;
    if (step == lastShown) {
      return;
    }
    lastShown = step;
    int filled = percent / 5;
    String bar = String.format(Locale.ROOT, "   %s [%s%s] %3d%%  %.1f / %.1f MiB", label, "#".repeat(filled),
        "-".repeat(20 - filled), percent, bytesSoFar / 1048576.0, Math.max(totalBytes, 0) / 1048576.0);
    if (interactive) {
      out.print("\r" + bar);
      if (percent >= 100) {
        out.println();
      }
    } else {
      out.println(bar);
    }
  }
}
