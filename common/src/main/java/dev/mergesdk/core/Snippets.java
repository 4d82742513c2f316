package dev.mergesdk.core;

/** Short, single-line excerpts of untrusted text for messages, control characters neutralised. */
final class Snippets {
  private Snippets() {
  }

  static String shorten(String text, int max) {
    if (text == null) {
      return "";
    }
    String oneLine = SecretScrubber.neutraliseControls(text.replaceAll("\\s+", " ").trim());
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
  }
}
