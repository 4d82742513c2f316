package dev.mergesdk.core;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Headers;

/** Header helpers shared by responses and exceptions. */
final class HttpHeaders {
  /** Header names under which Merge and its proxies report a request id, most specific first. */
  private static final String[] REQUEST_ID_HEADERS = {"x-request-id", "x-merge-request-id", "request-id", "x-amzn-requestid"};

  private HttpHeaders() {
  }

  static Map<String, List<String>> toMap(Headers headers) {
    Map<String, List<String>> map = new TreeMap<>();
    for (String name : headers.names()) {
      map.put(name.toLowerCase(Locale.ROOT), Collections.unmodifiableList(headers.values(name)));
    }
    return Collections.unmodifiableMap(map);
  }

  static String requestId(Headers headers) {
    for (String name : REQUEST_ID_HEADERS) {
      String value = headers.get(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  static String requestId(Map<String, List<String>> headers) {
    for (String name : REQUEST_ID_HEADERS) {
      List<String> values = headers.get(name);
      if (values != null && !values.isEmpty()) {
        return values.get(0);
      }
    }
    return null;
  }
}
