package dev.mergesdk.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Realistic {@code GET /files} pages: 100 files shaped as Merge File Storage returns them (ids, timestamps with
 * and without fractions, URLs, checksum object, permission and folder references, field mappings), with opaque
 * base64 cursors. Generated on the fly, so 10,000 pages cost no memory on the server.
 */
final class Pages {
  static final int PAGE_SIZE = 100;

  private Pages() {
  }

  /** The page every per-call, decode and concurrency benchmark fetches: the first of many (it has a next). */
  static byte[] fixedPage() {
    return page(0, 1_000_000);
  }

  /**
   * @param index zero-based page number
   * @param totalPages number of pages in the listing
   * @return the JSON body of that page
   */
  static byte[] page(int index, int totalPages) {
    StringBuilder sb = new StringBuilder(PAGE_SIZE * 1100);
    sb.append("{\"next\":");
    if (index + 1 < totalPages) {
      sb.append('"').append(cursor(index + 1)).append('"');
    } else {
      sb.append("null");
    }
    sb.append(",\"previous\":");
    if (index > 0) {
      sb.append('"').append(cursor(index - 1)).append('"');
    } else {
      sb.append("null");
    }
    sb.append(",\"results\":[");
    for (int i = 0; i < PAGE_SIZE; i++) {
      if (i > 0) {
        sb.append(',');
      }
      file(sb, (long) index * PAGE_SIZE + i);
    }
    sb.append("]}");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** An opaque cursor, as the API sends them. */
  static String cursor(int page) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("r=2024-03-05T09:12:45.123456+00:00&p=" + page).getBytes(StandardCharsets.US_ASCII));
  }

  /** @return the page number a cursor names, or 0 for none */
  static int pageOf(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return 0;
    }
    String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
    return Integer.parseInt(text.substring(text.lastIndexOf("&p=") + 3));
  }

  private static void file(StringBuilder sb, long n) {
    String remoteId = "1xZq9Lm3Np7Rs2Tu" + n;
    sb.append("{\"id\":\"");
    uuid(sb, 0xd4c3b2a1L, n);
    sb.append("\",\"remote_id\":\"").append(remoteId)
        .append("\",\"created_at\":\"2024-03-02T11:00:00Z\"")
        .append(",\"modified_at\":\"2024-03-06T16:20:00.512345Z\"")
        .append(",\"name\":\"Quarterly board pack ").append(n).append(".pdf\"")
        .append(",\"file_url\":\"https://drive.example.com/file/d/").append(remoteId).append("/view\"")
        .append(",\"file_thumbnail_url\":\"https://drive.example.com/thumbnail?id=").append(remoteId).append("&sz=w200\"")
        .append(",\"size\":").append(1024 + (n * 7919) % 50_000_000)
        .append(",\"mime_type\":\"application/pdf\"")
        .append(",\"description\":\"Board pack for the quarter, revision ").append(n % 17).append("\"")
        .append(",\"folder\":\"");
    uuid(sb, 0x9f8e7d6cL, n / 25);
    sb.append("\",\"checksum\":{\"type\":\"sha256\",\"content_hash\":\"");
    for (int i = 0; i < 4; i++) {
      hex(sb, n * 0x9E3779B97F4A7C15L + i, 16);
    }
    sb.append("\"},\"permissions\":[\"");
    uuid(sb, 0x5a6b7c8dL, n % 50);
    sb.append("\",\"");
    uuid(sb, 0x5a6b7c8eL, n % 7);
    sb.append("\"],\"drive\":\"");
    uuid(sb, 0x1d2e3f40L, 1);
    sb.append("\",\"remote_created_at\":\"2023-11-20T08:15:30Z\"")
        .append(",\"remote_updated_at\":\"2024-03-06T16:19:58.25Z\"")
        .append(",\"remote_was_deleted\":false")
        .append(",\"field_mappings\":{\"organization_defined_targets\":{},\"linked_account_defined_targets\":{}}")
        .append(",\"remote_data\":null}");
  }

  private static void uuid(StringBuilder sb, long high, long n) {
    hex(sb, high, 8);
    sb.append("-9f8e-4d7c-b6a5-");
    hex(sb, n, 12);
  }

  private static void hex(StringBuilder sb, long value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(Character.forDigit((int) ((value >>> shift) & 0xf), 16));
    }
  }
}
