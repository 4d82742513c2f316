package dev.mergesdk.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Output a person can read: headings, short aligned tables, a progress bar. */
final class Console {
  private final PrintStream out;
  private final boolean interactive;

  Console(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  void heading(String text) {
    out.println();
    out.println("== " + text + " " + "=".repeat(Math.max(3, 72 - text.length())));
  }

  void step(String text) {
    out.println();
    out.println("-> " + text);
  }

  void line(String text) {
    out.println("   " + text);
  }

  /** Prints rows under a header, each column as wide as its widest cell (cut at 40 characters). */
  void table(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    int[] widths = new int[header.size()];
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], cell(row.get(i)).length());
      }
    }
    for (int r = 0; r < all.size(); r++) {
      StringBuilder sb = new StringBuilder("   ");
      for (int i = 0; i < header.size(); i++) {
        sb.append(String.format(Locale.ROOT, "%-" + widths[i] + "s  ", cell(all.get(r).get(i))));
      }
      out.println(sb.toString().stripTrailing());
      if (r == 0) {
        StringBuilder rule = new StringBuilder("   ");
        for (int width : widths) {
          rule.append("-".repeat(width)).append("  ");
        }
        out.println(rule.toString().stripTrailing());
      }
    }
    if (rows.isEmpty()) {
      out.println("   (none)");
    }
  }

  /** Redraws one progress line in a terminal; prints quarter steps otherwise, so logs stay short. */
  ProgressBar progress(String label) {
    return new ProgressBar(out, label, interactive);
  }

  private static String cell(String value) {
    String v = value == null ? "-" : value;
    return v.length() > 40 ? v.substring(0, 37) + "..." : v;
  }
}
