package dev.mergesdk.core;

import java.util.Collection;
import java.util.Locale;
import okhttp3.HttpUrl;

/** Decides which header and parameter values are secrets, and hides them. */
final class Redaction {
  static final String MASK = "***";

  private Redaction() {
  }

  /**
   * Authorization, X-Account-Token, cookies, and anything named like a token, key, secret, password, credential
   * or signature (the last two carry presigned download URLs' authority).
   */
  static boolean isSecret(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("authorization") || n.equals("proxy-authorization") || n.contains("cookie")
        || n.contains("token") || n.contains("secret") || n.contains("password") || n.contains("api-key")
        || n.contains("api_key") || n.contains("apikey") || n.equals("key") || n.equals("sig")
        || n.contains("signature") || n.contains("credential")
        || n.endsWith("-key") && !n.equals("idempotency-key");
  }

  /**
   * The password of a URL given as text masked, for messages about a URL that may not even parse.
   *
   * @param text what the caller passed as a URL
   * @return the text with anything between {@code //} and {@code @} masked
   */
  static String urlText(String text) {
    return text == null ? "" : text.replaceAll("(//[^/@?#]*?:)[^/@?#]*@", "$1" + MASK + "@");
  }

  /** The URL with its password (user info) and the values of secret query parameters masked. */
  static String url(HttpUrl url) {
    if (url.querySize() == 0 && url.password().isEmpty()) {
      return url.toString();
    }
    HttpUrl.Builder builder = url.newBuilder();
    if (!url.password().isEmpty()) {
      builder.password(MASK);
    }
    for (String name : url.queryParameterNames()) {
      if (isSecret(name)) {
        builder.setQueryParameter(name, MASK);
      }
    }
    return builder.build().toString();
  }

  static String headerNames(Collection<String> names) {
    return String.join(",", names);
  }
}
