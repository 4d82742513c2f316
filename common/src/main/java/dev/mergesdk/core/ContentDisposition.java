package dev.mergesdk.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The file name of a {@code Content-Disposition} header (RFC 6266), and the same name made safe to use as one file
 * name in a local directory. Parsing never throws: what cannot be read is skipped.
 */
final class ContentDisposition {
  /** File systems commonly limit a name to 255 bytes. */
  static final int MAX_NAME_BYTES = 255;
  private static final String WINDOWS_RESERVED = "(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?";

  private ContentDisposition() {
  }

  /**
   * The name as the server sent it: {@code filename*} (RFC 5987: charset, language, percent-encoding; UTF-8 and
   * ISO-8859-1) preferred over {@code filename} (a token or a quoted string with backslash escapes).
   *
   * @param header the header value, possibly null
   * @return the decoded name, or null when there is none
   */
  static String rawFileName(String header) {
    if (header == null) {
      return null;
    }
    String plain = null;
    String extended = null;
    int i = header.indexOf(';');
    while (i >= 0 && i < header.length()) {
      int start = i + 1;
      int eq = header.indexOf('=', start);
      if (eq < 0) {
        break;
      }
      String name = header.substring(start, eq).trim().toLowerCase(Locale.ROOT);
      int pos = eq + 1;
      while (pos < header.length() && header.charAt(pos) == ' ') {
        pos++;
      }
      String value;
      int end;
      if (pos < header.length() && header.charAt(pos) == '"') {
        StringBuilder sb = new StringBuilder();
        end = pos + 1;
        while (end < header.length() && header.charAt(end) != '"') {
          char c = header.charAt(end);
          if (c == '\\' && end + 1 < header.length()) {
            c = header.charAt(++end);
          }
          sb.append(c);
          end++;
        }
        value = sb.toString();
        end = header.indexOf(';', end);
      } else {
        end = header.indexOf(';', pos);
        value = (end < 0 ? header.substring(pos) : header.substring(pos, end)).trim();
      }
      if (name.equals("filename*") && extended == null) {
        extended = decodeExtended(value);
      } else if (name.equals("filename") && plain == null) {
        plain = value;
      }
      i = end;
    }
    return extended != null ? extended : plain;
  }

  /** RFC 5987 {@code charset'language'value}; null when malformed or of another charset. */
  private static String decodeExtended(String value) {
    int first = value.indexOf('\'');
    int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second < 0) {
      return null;
    }
    String charsetName = value.substring(0, first).trim().toUpperCase(Locale.ROOT);
    Charset charset;
    if (charsetName.equals("UTF-8")) {
      charset = StandardCharsets.UTF_8;
    } else if (charsetName.equals("ISO-8859-1")) {
      charset = StandardCharsets.ISO_8859_1;
    } else {
      return null;
    }
    String encoded = value.substring(second + 1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      int hi = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
      int lo = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
      if (c == '%' && hi >= 0 && lo >= 0) {
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        // Malformed escapes and characters outside the grammar are kept as they are ('+' is not a space here).
        byte[] raw = String.valueOf(c).getBytes(charset);
        bytes.write(raw, 0, raw.length);
      }
    }
    return new String(bytes.toByteArray(), charset);
  }

  /**
   * Makes a name safe as a single file name: only the last path segment (either separator), no control or
   * bidirectional-override characters, none of {@code <>:"|?*}, no leading or trailing dots and spaces, no
   * Windows device name, at most {@value #MAX_NAME_BYTES} bytes of UTF-8 (shortened before the extension).
   *
   * @param raw a name from the server
   * @return the safe name, or null when nothing usable is left (such as for {@code ..})
   */
  static String safeFileName(String raw) {
    if (raw == null) {
      return null;
    }
    String name = raw;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
          || c == '\uFEFF') {
        continue;
      }
      sb.append("<>:\"|?*".indexOf(c) >= 0 ? '_' : c);
    }
    name = strip(sb.toString());
    if (name.isEmpty()) {
      return null;
    }
    if (name.matches(WINDOWS_RESERVED)) {
      name = "_" + name;
    }
    return bounded(name);
  }

  private static String strip(String name) {
    int start = 0;
    int end = name.length();
    while (start < end && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
      start++;
    }
    while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
      end--;
    }
    return name.substring(start, end);
  }

  /** Shortens the stem, keeping an extension of up to 16 characters, until the name fits in the byte limit. */
  private static String bounded(String name) {
    if (utf8Length(name) <= MAX_NAME_BYTES) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
    String stem = name.substring(0, name.length() - extension.length());
    int budget = MAX_NAME_BYTES - utf8Length(extension);
    int end = 0;
    int bytes = 0;
    while (end < stem.length()) {
      int cp = stem.codePointAt(end);
      int size = utf8Length(new String(Character.toChars(cp)));
      if (bytes + size > budget) {
        break;
      }
      bytes += size;
      end += Character.charCount(cp);
    }
    return stem.substring(0, end) + extension;
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
