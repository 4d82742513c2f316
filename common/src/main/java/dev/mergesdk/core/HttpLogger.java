package dev.mergesdk.core;

/**
 * Receives one line per HTTP attempt and response when logging is enabled on a client. Secrets are redacted
 * before a line reaches it. Route it to any logging framework: {@code client.builder().logger(log::debug)}.
 */
@FunctionalInterface
public interface HttpLogger {
  /**
   * Receives one log line.
   *
   * @param line a single log line without a trailing newline
   */
  void log(String line);
}
