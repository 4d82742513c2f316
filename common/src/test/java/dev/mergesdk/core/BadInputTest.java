package dev.mergesdk.core;

import dev.mergesdk.core.internal.ApiDescriptor;
import dev.mergesdk.core.internal.CommaSeparated;
import dev.mergesdk.core.internal.Json;
import dev.mergesdk.core.internal.ParameterRange;
import dev.mergesdk.core.internal.PathSegment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the runtime fails at once, with the exception type a caller expects and a message that names what is
 * wrong, and never echoes a secret. Every case runs under a {@link SecretGuard} with the secrets as input where a
 * secret could be involved. Cases already specified elsewhere (ClientBuilderTest, RegionTest, RequestOptionsTest,
 * JsonTest) are not repeated.
 */
class BadInputTest {
  private static final String KEY = SecretGuard.API_KEY;
  private static final String TOKEN = SecretGuard.ACCOUNT_TOKEN;

  @TempDir
  static Path dir;

  private record Case(String name, Class<? extends Throwable> type, String message, Executable run) {
  }

  private static Case fails(String name, Class<? extends Throwable> type, String message, Executable run) {
    return new Case(name, type, message, run);
  }

  private static TestClient.Builder builder() {
    return TestClient.builder();
  }

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    // Credentials and headers: a value OkHttp would refuse later (or put in its own message) is refused here.
    c.add(fails("API key with a non-ASCII character", IllegalArgumentException.class,
        "apiKey must contain only ASCII characters", () -> builder().apiKey(KEY + "é")));
    c.add(fails("API key with a bare carriage return", IllegalArgumentException.class,
        "apiKey must not contain line breaks or control characters", () -> builder().apiKey(KEY + "\r")));
    c.add(fails("API key with a NUL", IllegalArgumentException.class,
        "apiKey must not contain line breaks or control characters", () -> builder().apiKey(KEY + "\0")));
    c.add(fails("API key with DEL", IllegalArgumentException.class,
        "apiKey must not contain line breaks or control characters", () -> builder().apiKey(KEY + "\u007f")));
    c.add(fails("client account token with a non-ASCII character", IllegalArgumentException.class,
        "accountToken must contain only ASCII characters",
        () -> builder().apiKey(KEY).accountToken(TOKEN + "ü").build().close()));
    c.add(fails("client account token with a line break", IllegalArgumentException.class,
        "accountToken must not contain line breaks or control characters",
        () -> builder().apiKey(KEY).accountToken(TOKEN + "\nX-Evil: 1").build().close()));
    c.add(fails("per-call account token with a non-ASCII character", IllegalArgumentException.class,
        "accountToken must contain only ASCII characters", () -> RequestOptions.builder().accountToken(TOKEN + "€")));
    c.add(fails("per-call account token with CRLF", IllegalArgumentException.class,
        "accountToken must not contain line breaks or control characters",
        () -> RequestOptions.builder().accountToken(TOKEN + "\r\n")));
    c.add(fails("per-call secret header with a line break", IllegalArgumentException.class,
        "value of header X-Api-Key must not contain line breaks or control characters",
        () -> RequestOptions.builder().header("X-Api-Key", KEY + "\n")));
    c.add(fails("per-call header value with a non-ASCII character", IllegalArgumentException.class,
        "value of header X-Trace must contain only ASCII characters", () -> RequestOptions.builder().header("X-Trace", "café")));
    c.add(fails("per-call header name with a colon", IllegalArgumentException.class,
        "header name is not a valid HTTP header name: 'X-A:b'", () -> RequestOptions.builder().header("X-A:b", "v")));
    c.add(fails("per-call header name null", NullPointerException.class,
        "header name must not be null", () -> RequestOptions.builder().header(null, "v")));
    c.add(fails("default header value with a line feed", IllegalArgumentException.class,
        "value of header X-Team must not contain line breaks or control characters",
        () -> builder().header("X-Team", "a\nX-Injected: 1")));
    c.add(fails("user-agent suffix with CRLF", IllegalArgumentException.class,
        "userAgentSuffix must not contain line breaks or control characters", () -> builder().userAgentSuffix("app/1\r\n")));
    c.add(fails("user-agent suffix with a non-ASCII character", IllegalArgumentException.class,
        "userAgentSuffix must contain only ASCII characters", () -> builder().userAgentSuffix("appé/1")));
    c.add(fails("idempotency key longer than 255 characters", IllegalArgumentException.class,
        "idempotencyKey must be at most 255 characters, was 256", () -> RequestOptions.builder().idempotencyKey("k".repeat(256))));
    c.add(fails("idempotency key with a non-ASCII character", IllegalArgumentException.class,
        "idempotencyKey must contain only ASCII characters", () -> RequestOptions.builder().idempotencyKey("clé-1")));
    // Regions and base URLs.
    c.add(fails("region name null", NullPointerException.class, "region must not be null", () -> Region.of(null)));
    c.add(fails("region name blank", IllegalArgumentException.class, "region must not be blank", () -> Region.of(" ")));
    c.add(fails("region name unknown", IllegalArgumentException.class,
        "unknown region 'europe': expected US, EU, APAC or an https URL", () -> Region.of("europe")));
    c.add(fails("region null on the builder", NullPointerException.class, "region must not be null", () -> builder().region(null)));
    c.add(fails("unknown region in the merge.region system property", IllegalArgumentException.class,
        "unknown region 'moon': expected US, EU, APAC or an https URL", () -> withRegionProperty("moon",
            () -> builder().apiKey(KEY).build().close())));
    c.add(fails("custom region with a fragment", IllegalArgumentException.class,
        "baseUrl must not have a query or fragment: 'https://x.test/api#top'", () -> Region.custom("https://x.test/api#top")));
    c.add(fails("base URL without a scheme", IllegalArgumentException.class,
        "baseUrl is not a valid http(s) URL: 'localhost:8080/api'", () -> builder().baseUrl("localhost:8080/api")));
    c.add(fails("base URL without a host", IllegalArgumentException.class,
        "baseUrl is not a valid http(s) URL: 'https://'", () -> builder().baseUrl("https://")));
    c.add(fails("base URL with a space in the host", IllegalArgumentException.class,
        "baseUrl is not a valid http(s) URL: 'https://exa mple.com/'", () -> builder().baseUrl("https://exa mple.com/")));
    c.add(fails("base URL blank", IllegalArgumentException.class, "baseUrl must not be blank", () -> builder().baseUrl("")));
    c.add(fails("base URL null", NullPointerException.class, "baseUrl must not be null", () -> builder().baseUrl(null)));
    // Timeouts, limits and retry policy.
    c.add(fails("negative connect timeout", IllegalArgumentException.class,
        "connectTimeout must be positive, was PT-1S", () -> builder().connectTimeout(Duration.ofSeconds(-1))));
    c.add(fails("zero write timeout", IllegalArgumentException.class,
        "writeTimeout must be positive, was PT0S", () -> builder().writeTimeout(Duration.ZERO)));
    c.add(fails("null call timeout", NullPointerException.class, "callTimeout must not be null", () -> builder().callTimeout(null)));
    c.add(fails("read timeout longer than OkHttp can keep", IllegalArgumentException.class,
        "readTimeout must be at most 24 days, was PT8760H", () -> builder().readTimeout(Duration.ofDays(365))));
    c.add(fails("per-call timeout of a century", IllegalArgumentException.class,
        "timeout must be at most 24 days, was PT876000H", () -> RequestOptions.builder().timeout(Duration.ofDays(36_500))));
    c.add(fails("retry budget too long to compute a deadline", IllegalArgumentException.class,
        "budget must be at most 24 days, was PT2562047788015215H30M7S",
        () -> RetryPolicy.builder().budget(Duration.ofSeconds(Long.MAX_VALUE))));
    c.add(fails("max backoff too long to compute", IllegalArgumentException.class,
        "maxBackoff must be at most 24 days, was PT2562047788015215H30M7S",
        () -> RetryPolicy.builder().maxBackoff(Duration.ofSeconds(Long.MAX_VALUE))));
    c.add(fails("response limit below 1 KiB", IllegalArgumentException.class,
        "maxResponseBytes must be at least 1024, was 100", () -> builder().maxResponseBytes(100)));
    c.add(fails("more than 20 attempts", IllegalArgumentException.class,
        "maxAttempts must be between 1 and 20, was 21", () -> RetryPolicy.builder().maxAttempts(21)));
    c.add(fails("a 2xx status as retryable", IllegalArgumentException.class,
        "retryable statuses must be 4xx or 5xx, got 200", () -> RetryPolicy.builder().retryableStatuses(Set.of(200))));
    c.add(fails("negative initial backoff", IllegalArgumentException.class,
        "initialBackoff must not be negative, was PT-0.001S", () -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1))));
    c.add(fails("max backoff below the initial backoff", IllegalArgumentException.class,
        "maxBackoff must not be less than initialBackoff",
        () -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1)).build()));
    c.add(fails("zero retry budget", IllegalArgumentException.class,
        "budget must be positive, was PT0S", () -> RetryPolicy.builder().budget(Duration.ZERO)));
    c.add(fails("null logger", NullPointerException.class, "logger must not be null", () -> builder().logger(null)));
    c.add(fails("null OkHttp client", NullPointerException.class, "httpClient must not be null", () -> builder().httpClient(null)));
    // Uploads, references, query values.
    c.add(fails("upload of a file that does not exist", IllegalArgumentException.class,
        "file is not a readable regular file: " + dir.resolve("missing.pdf"), () -> Upload.fromPath(dir.resolve("missing.pdf"))));
    c.add(fails("upload of a directory", IllegalArgumentException.class,
        "file is not a readable regular file: " + dir, () -> Upload.fromPath(dir)));
    c.add(fails("upload with a malformed content type", IllegalArgumentException.class,
        "contentType is not a media type: pdf please", () -> Upload.fromPath(file(), "pdf please")));
    c.add(fails("upload stream null", NullPointerException.class, "stream must not be null", () -> Upload.fromStream(null, 1, null)));
    c.add(fails("path argument '.'", IllegalArgumentException.class, "id must not be '.' or '..'", () -> PathSegment.encode(".", "id")));
    c.add(fails("reference id blank", IllegalArgumentException.class, "id must not be blank", () -> Expandable.ofId(" ")));
    c.add(fails("comma-separated values null", NullPointerException.class, "values must not be null", () -> CommaSeparated.of(null)));
    c.add(fails("date-time with month 13", com.google.gson.JsonParseException.class,
        "not an RFC 3339 date-time: '2024-13-01T00:00:00Z'", () -> Json.parseDateTime("2024-13-01T00:00:00Z")));
    c.add(fails("API descriptor without a name", IllegalArgumentException.class,
        "name must not be blank", () -> ApiDescriptor.of(" ", Map.of())));
    // Numeric parameters outside the range the spec declares (generated operations call this in their setters).
    c.add(fails("page size above the declared maximum", IllegalArgumentException.class,
        "page_size must be at most 100, was 101", () -> ParameterRange.check(101, "page_size", null, false, "100", false)));
    c.add(fails("page size below the declared minimum", IllegalArgumentException.class,
        "page_size must be at least 1, was 0", () -> ParameterRange.check(0, "page_size", "1", false, "100", false)));
    c.add(fails("a value equal to an exclusive minimum", IllegalArgumentException.class,
        "ratio must be greater than 0, was 0.0", () -> ParameterRange.check(0.0, "ratio", "0", true, null, false)));
    c.add(fails("a value that is not a number", IllegalArgumentException.class,
        "ratio must be a finite number, was NaN", () -> ParameterRange.check(Double.NaN, "ratio", "0", false, "1", false)));
    return c;
  }

  private static Path file() throws IOException {
    Path f = dir.resolve("upload.bin");
    if (!Files.exists(f)) {
      Files.write(f, new byte[] {1});
    }
    return f;
  }

  private static void withRegionProperty(String value, Executable run) throws Throwable {
    String previous = System.getProperty(Region.SYSTEM_PROPERTY);
    System.setProperty(Region.SYSTEM_PROPERTY, value);
    try {
      run.execute();
    } finally {
      if (previous == null) {
        System.clearProperty(Region.SYSTEM_PROPERTY);
      } else {
        System.setProperty(Region.SYSTEM_PROPERTY, previous);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> badArgumentsFailAtOnceWithAMessageNamingWhatIsWrongAndNoSecret() {
    return cases().stream().map(c -> dynamicTest(c.name(), () -> {
      try (SecretGuard guard = SecretGuard.start()) {
        Throwable e = assertThrows(c.type(), c.run(), c.name());
        assertEquals(c.type(), e.getClass(), c.name());
        assertEquals(c.message(), e.getMessage(), c.name());
        guard.check(e);
      }
    }));
  }

  @Test
  void thereAreAtLeastTwentyFiveBadInputCases() {
    assertTrue(cases().size() >= 25, cases().size() + " cases");
  }

  private record BadBody(String name, String body, String message) {
  }

  @TestFactory
  Stream<DynamicTest> withStrictDecodingMalformedResponsesAreDecodeExceptionsNamingTheProblem() {
    return Stream.of(
        new BadBody("a list where an id or object is expected", "{\"id\":\"1\",\"owner\":[1]}",
            "expected an id or an object at $.owner but found BEGIN_ARRAY"),
        new BadBody("a number where a date-time is expected", "{\"id\":\"1\",\"created_at\":1700000000}",
            "expected a date-time string at $.created_at but found NUMBER"),
        new BadBody("an array where an object is expected", "[{\"id\":\"1\"}]", "Expected BEGIN_OBJECT but was BEGIN_ARRAY"),
        new BadBody("a string where a map is expected", "{\"id\":\"1\",\"remote_data\":\"x\"}", "path $.remote_data"),
        new BadBody("a second JSON value after the first", "{\"id\":\"1\"} {\"id\":\"2\"}", "unexpected content after the JSON value"),
        new BadBody("JSON null", "null", "null where Thing was expected"),
        new BadBody("a bare string", "\"hello\"", "Expected BEGIN_OBJECT but was STRING"),
        new BadBody("an unterminated string", "{\"id\":\"1", "Unterminated string"),
        new BadBody("an unknown member nested 10,000 levels deep", "{\"id\":\"1\",\"extra\":" + "[".repeat(10_000)
            + "]".repeat(10_000) + "}", "Nesting limit"))
        .map(b -> dynamicTest(b.name(), () -> {
          try (SecretGuard guard = SecretGuard.start(); MockServer server = new MockServer();
              TestClient client = server.clientBuilder().strictDecoding(true).logger(guard.logger()).build()) {
            server.json(200, b.body());
            DecodeException e = assertThrows(DecodeException.class, () -> client.api.get("1").execute());
            assertTrue(e.getMessage().startsWith("cannot decode Thing from GET http://"), e.getMessage());
            assertTrue(e.getMessage().contains(b.message()), e.getMessage());
            guard.check(e);
          }
        }));
  }

  @Test
  void valuesWithinTheDeclaredRangeAndUnsetValuesPass() {
    assertEquals(100, ParameterRange.check(100, "page_size", "1", false, "100", false));
    assertEquals(1L, ParameterRange.check(1L, "page_size", "1", false, "100", false));
    assertEquals(null, ParameterRange.check((Integer) null, "page_size", "1", false, "100", false));
  }

  @Test
  void aDateTimeWithoutAnOffsetIsReadAsUtcBecauseBothApisWriteUtc() {
    try (MockServer server = new MockServer(); TestClient client = server.client()) {
      server.json(200, "{\"id\":\"1\",\"created_at\":\"2024-01-02T03:04:05.5\"}");
      assertEquals(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000, ZoneOffset.UTC), client.api.get("1").execute().createdAt);
    }
  }
}
