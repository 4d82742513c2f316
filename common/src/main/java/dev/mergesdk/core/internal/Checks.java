package dev.mergesdk.core.internal;

import java.time.Duration;

/** Argument checks whose messages name the argument. */
public final class Checks {
  private Checks() {
  }

  public static String notBlank(String value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /**
   * Accepts what OkHttp accepts in a header value (tab and printable ASCII). Anything else would only fail later,
   * at call time, inside OkHttp, whose message quotes the value of every header but Authorization and cookies:
   * an account token included.
   */
  public static String headerValue(String value, String name) {
    notBlank(value, name);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      // Never echo the value: it may be a secret.
      if (c == '\r' || c == '\n' || c == 0 || (c < 0x20 && c != '\t') || c == 0x7f) {
        throw new IllegalArgumentException(name + " must not contain line breaks or control characters");
      }
      if (c > 0x7f) {
        throw new IllegalArgumentException(name + " must contain only ASCII characters");
      }
    }
    return value;
  }

  public static String headerName(String value, String name) {
    notBlank(value, name);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        throw new IllegalArgumentException(name + " is not a valid HTTP header name: '" + Snippets.shorten(value, 40) + "'");
      }
    }
    return value;
  }

  /**
   * The longest duration accepted anywhere: OkHttp keeps timeouts as int milliseconds (about 24.8 days), and
   * retry deadlines are computed in nanoseconds. Longer values used to fail later, at build or call time, with
   * "timeout too large" or a bare ArithmeticException.
   */
  private static final Duration MAX_DURATION = Duration.ofDays(24);

  public static Duration positive(Duration value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return atMostMax(value, name);
  }

  public static Duration notNegative(Duration value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
    return atMostMax(value, name);
  }

  private static Duration atMostMax(Duration value, String name) {
    if (value.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(name + " must be at most 24 days, was " + value);
    }
    return value;
  }
}
