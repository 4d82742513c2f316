package dev.mergesdk.core.internal;

/** Short, single-line excerpts of untrusted text for messages, control characters neutralised. */
public final class Snippets {
  private static final char REPLACEMENT = '\uFFFD';
  private Snippets() {
  }

  public static String shorten(String text, int max) {
    if (text == null) {
      return "";
    }
    String oneLine = neutraliseControls(text.replaceAll("\\s+", " ").trim());
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
  }

  /**
   * Line breaks and tabs become spaces; other C0 and C1 controls, DEL and the bidirectional overrides (which can
   * make a log line read differently from what it holds) become U+FFFD.
   */
  public static String neutraliseControls(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char replacement;
      if (c == '\n' || c == '\r' || c == '\t') {
        replacement = ' ';
      } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
        replacement = REPLACEMENT;
      } else {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      out.append(replacement);
    }
    return out == null ? text : out.toString();
  }
}
