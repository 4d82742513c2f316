package dev.mergesdk.core;

/**
 * The client's {@link HttpLogger} as one call sees it: every line scrubbed of the call's secrets and control
 * characters, and a logger that throws never breaks the call.
 */
final class CallLog {
  static final CallLog OFF = new CallLog(null, SecretScrubber.NONE);
  private final HttpLogger logger;
  private final SecretScrubber scrubber;

  CallLog(HttpLogger logger, SecretScrubber scrubber) {
    this.logger = logger;
    this.scrubber = scrubber;
  }

  boolean enabled() {
    return logger != null;
  }

  void log(String line) {
    if (logger == null) {
      return;
    }
    try {
      logger.log(scrubber.scrub(line));
    } catch (RuntimeException ignored) {
      // The caller's logger failing must not fail the call, nor leave its connection open.
    }
  }
}
