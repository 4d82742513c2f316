package dev.mergesdk.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code User-Agent}: {@code merge-sdk-java/<version> (Java <version>; <os>) <caller's suffix>}. */
final class UserAgent {
  private UserAgent() {
  }

  static String of(String suffix) {
    // Concatenation, not String.format: a formatter costs class loading on every application's first call.
    String base = "merge-sdk-java/" + sdkVersion() + " (Java " + System.getProperty("java.version", "unknown") + "; "
        + System.getProperty("os.name", "unknown") + " " + System.getProperty("os.arch", "unknown") + ")";
    return suffix == null ? base : base + " " + suffix;
  }

  static String sdkVersion() {
    try (InputStream in = UserAgent.class.getResourceAsStream("/dev/mergesdk/core/sdk.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "unknown");
      }
    } catch (IOException ignored) {
      // Fall through: the version is informational.
    }
    return "unknown";
  }
}
