package dev.mergesdk.benchmarks;

import java.util.List;
import java.util.Locale;

/** One line of the results table. {@code pass} is null for figures that are reported without a target. */
final class Row {
  private static final String[] HEADER = {"#", "Figure", "SDK", "Peer (bare)", "Ratio", "Target", "Result"};

  final String id;
  final String figure;
  final String sdk;
  final String peer;
  final Double ratio;
  final String target;
  final Boolean pass;
  final String error;

  Row(String id, String figure, String sdk, String peer, Double ratio, String target, Boolean pass) {
    this(id, figure, sdk, peer, ratio, target, pass, null);
  }

  private Row(String id, String figure, String sdk, String peer, Double ratio, String target, Boolean pass, String error) {
    this.id = id;
    this.figure = figure;
    this.sdk = sdk;
    this.peer = peer;
    this.ratio = ratio;
    this.target = target;
    this.pass = pass;
    this.error = error;
  }

  static Row error(String id, String figure, String error) {
    return new Row(id, figure, "-", "-", null, "-", Boolean.FALSE, error);
  }

  private String[] cells() {
    String result = error != null ? "ERROR: " + error : pass == null ? "(reported)" : pass ? "PASS" : "MISS";
    return new String[] {id, figure, sdk, peer, ratio == null ? "" : String.format(Locale.ROOT, "%.3fx", ratio), target, result};
  }

  static String table(List<Row> rows) {
    int[] widths = new int[HEADER.length];
    for (int i = 0; i < HEADER.length; i++) {
      widths[i] = HEADER[i].length();
    }
    for (Row row : rows) {
      String[] cells = row.cells();
      for (int i = 0; i < cells.length; i++) {
        widths[i] = Math.max(widths[i], cells[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, HEADER, widths);
    StringBuilder rule = new StringBuilder();
    for (int w : widths) {
      rule.append("-".repeat(w)).append("-+-");
    }
    sb.append(rule, 0, rule.length() - 3).append('\n');
    for (Row row : rows) {
      line(sb, row.cells(), widths);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String[] cells, int[] widths) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        sb.append(" | ");
      }
      sb.append(cells[i]).append(" ".repeat(widths[i] - cells[i].length()));
    }
    sb.append('\n');
  }

  static String markdown(List<Row> rows) {
    StringBuilder sb = new StringBuilder("| ").append(String.join(" | ", HEADER)).append(" |\n|");
    for (int i = 0; i < HEADER.length; i++) {
      sb.append(i == 0 || i == 1 ? "---|" : "--:|");
    }
    sb.append('\n');
    for (Row row : rows) {
      sb.append("| ").append(String.join(" | ", row.cells())).append(" |\n");
    }
    return sb.toString();
  }
}
