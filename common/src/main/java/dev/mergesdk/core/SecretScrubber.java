package dev.mergesdk.core;

import dev.mergesdk.core.internal.Snippets;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes the secrets of one call (the API key, account tokens, values of secret-named headers and query
 * parameters) from text the server controls before it reaches a message, a {@code toString()} or a log line, and
 * neutralises control characters there, so a gateway that echoes the request or sends terminal escapes cannot
 * leak or forge anything. Each secret is also found in its URL-encoded and JSON-escaped forms. Immutable.
 */
final class SecretScrubber {
  static final SecretScrubber NONE = new SecretScrubber(List.of());
  /**
   * Shorter values are not looked for: real keys and tokens are far longer, and replacing a two-letter "secret"
   * everywhere would garble every message.
   */
  static final int MIN_SECRET_LENGTH = 6;

  private static final Comparator<String> LONGEST_FIRST = new Comparator<String>() {
    @Override
    public int compare(String a, String b) {
      return Integer.compare(b.length(), a.length());
    }
  };

  /** Every form of every secret, longest first, so a secret containing another is replaced whole. */
  private final List<String> forms;

  private SecretScrubber(List<String> forms) {
    this.forms = forms;
  }

  static SecretScrubber of(Collection<String> secrets) {
    return NONE.with(secrets);
  }

  /** {@return a scrubber that also removes {@code secrets}; this one when there is nothing new} */
  SecretScrubber with(Collection<String> secrets) {
    if (secrets.isEmpty()) {
      return this;
    }
    Set<String> all = new LinkedHashSet<>(forms);
    for (String secret : secrets) {
      if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
        continue;
      }
      all.add(secret);
      all.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
      all.add(secret.replace("/", "\\/"));
    }
    if (all.size() == forms.size()) {
      return this;
    }
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(LONGEST_FIRST);
    return new SecretScrubber(List.copyOf(sorted));
  }

  /**
   * @param text untrusted text, possibly null
   * @return the text with every secret replaced by {@code ***} and control characters by U+FFFD; "" for null
   */
  String scrub(String text) {
    if (text == null) {
      return "";
    }
    String result = text;
    for (String form : forms) {
      if (result.contains(form)) {
        result = result.replace(form, Redaction.MASK);
      }
    }
    return Snippets.neutraliseControls(result);
  }


  @Override
  public String toString() {
    return "SecretScrubber{" + forms.size() + " forms}";
  }
}
