package dev.mergesdk.core;

/** The {@code User-Agent}: {@code merge-sdk-java/<version> (Java <version>; <os>) <caller's suffix>}. */
final class UserAgent {
  private UserAgent() {
  }

  static String of(String suffix) {
    // Concatenation, not String.format: a formatter costs class loading on every application's first call.
    String base = "merge-sdk-java/" + SdkVersion.VALUE + " (Java " + System.getProperty("java.version", "unknown") + "; "
        + System.getProperty("os.name", "unknown") + " " + System.getProperty("os.arch", "unknown") + ")";
    return suffix == null ? base : base + " " + suffix;
  }
}
