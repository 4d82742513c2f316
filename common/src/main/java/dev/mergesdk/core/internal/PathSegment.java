package dev.mergesdk.core.internal;

import java.nio.charset.StandardCharsets;

/**
 * Encodes an argument for use as one URL path segment. Every character outside RFC 3986's unreserved set is
 * percent-encoded, so {@code /}, {@code ?}, {@code #}, {@code %} or {@code ..} inside an id can never change
 * which path is requested.
 */
public final class PathSegment {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathSegment() {
  }

  /**
   * Encodes an argument as one URL path segment.
   *
   * @param value the argument
   * @param name the argument's name, for the error message
   * @return the encoded segment
   * @throws NullPointerException if value is null
   * @throws IllegalArgumentException if value is blank, {@code .} or {@code ..}
   */
  public static String encode(Object value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    String text = value.toString();
    if (text.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (text.equals(".") || text.equals("..")) {
      // URL normalisation would resolve these away and request a different resource.
      throw new IllegalArgumentException(name + " must not be '.' or '..'");
    }
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '~' || c == '.';
      if (unreserved) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }
}
