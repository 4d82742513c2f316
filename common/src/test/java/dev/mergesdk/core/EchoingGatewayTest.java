package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A gateway that echoes the request back (in a JSON error, an HTML page, a request-id header, any header, a
 * field of a success body) cannot put the API key, an account token or a secret-named header into a message, a
 * {@code toString()} or a log line; terminal escapes it sends are neutralised. {@code body()} stays raw.
 */
class EchoingGatewayTest {
  private static final String PER_CALL_TOKEN = "acct_PERCALL_secret_5555";
  private static final String SECRET_HEADER_VALUE = "partner_SECRET_hdr_7777";
  private static final String ESC = "\u001b[31m";
  private final List<String> log = new CopyOnWriteArrayList<>();

  private static String echo(RecordedRequest request) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < request.getHeaders().size(); i++) {
      sb.append(request.getHeaders().name(i)).append(": ").append(request.getHeaders().value(i)).append(' ');
    }
    return sb.toString();
  }

  private static MockServer echoing(String shape) {
    MockServer server = new MockServer();
    server.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String all = echo(request);
        String auth = request.getHeaders().get("Authorization");
        MockResponse.Builder r = new MockResponse.Builder().addHeader("X-Request-Id", "req " + auth)
            .addHeaderLenient("X-Echo", all + ESC);
        switch (shape) {
          case "json-error":
            return r.code(400).addHeader("Content-Type", "application/json")
                .body("{\"detail\":\"bad request " + all.replace("\"", "'") + " " + "\\u001b[2J" + "\"}").build();
          case "html-error":
            return r.code(502).addHeader("Content-Type", "text/html").body("<html>" + all + "</html>").build();
          case "undecodable":
            return r.code(200).addHeader("Content-Type", "application/json").body("{\"id\":" + all + "}").build();
          case "wrong-type":
            return r.code(200).addHeader("Content-Type", "text/plain").body(all).build();
          case "date":
            return r.code(200).addHeader("Content-Type", "application/json")
                .body("{\"id\":\"1\",\"created_at\":\"" + auth + "\"}").build();
          default:
            throw new IllegalArgumentException(shape);
        }
      }
    });
    return server;
  }

  private void assertClean(String what, String text) {
    for (String secret : List.of(MockServer.API_KEY, MockServer.ACCOUNT_TOKEN, PER_CALL_TOKEN, SECRET_HEADER_VALUE)) {
      assertFalse(text.contains(secret), what + " shows a secret: " + text);
    }
    assertFalse(text.contains("\u001b"), what + " carries a terminal escape: " + text);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"json-error", "html-error", "undecodable", "wrong-type", "date"})
  void noSecretReachesAMessageOrALogLine(String shape) {
    try (MockServer server = echoing(shape);
        TestClient client = server.clientBuilder().header("X-Partner-Token", SECRET_HEADER_VALUE)
            .retryPolicy(RetryPolicy.none()).strictDecoding(true).logger(log::add).build()) {
      RequestOptions options = RequestOptions.builder().accountToken(PER_CALL_TOKEN).build();
      MergeException e = assertThrows(MergeException.class, () -> client.api.get("1").with(options).execute());
      List<String> shown = new ArrayList<>(List.of(e.getMessage(), e.toString()));
      if (e instanceof ApiException) {
        ApiException api = (ApiException) e;
        api.error().message().ifPresent(shown::add);
        api.requestId().ifPresent(id -> assertTrue(id.contains(MockServer.API_KEY), "requestId() is the raw header"));
        assertTrue(api.body().contains(PER_CALL_TOKEN), "body() stays exactly what the server sent");
      }
      if (e instanceof DecodeException) {
        shown.add(((DecodeException) e).bodySnippet());
      }
      for (String text : shown) {
        assertClean(e.getClass().getSimpleName(), text);
      }
      assertFalse(log.isEmpty());
      for (String line : log) {
        assertClean("log line", line);
      }
    }
  }

  @Test
  void urlsWithAPasswordNeverShowIt() {
    Region custom = Region.custom("https://user:pa55w0rd-SECRET@proxy.example.test/api/");
    assertFalse(custom.toString().contains("pa55w0rd-SECRET"), custom.toString());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> Region.custom("https://user:pa55w0rd-SECRET@proxy.example.test/api/?q=1"));
    assertFalse(bad.getMessage().contains("pa55w0rd-SECRET"), bad.getMessage());
    IllegalArgumentException unparseable = assertThrows(IllegalArgumentException.class,
        () -> Region.custom("htps://user:pa55w0rd-SECRET@proxy example/"));
    assertFalse(unparseable.getMessage().contains("pa55w0rd-SECRET"), unparseable.getMessage());
  }

  @Test
  void theScrubberFindsEncodedFormsAndNeutralisesControls() {
    SecretScrubber scrubber = SecretScrubber.of(List.of("sk/live+key=1"));
    assertEquals("a *** b *** c ***", scrubber.scrub("a sk/live+key=1 b sk%2Flive%2Bkey%3D1 c sk\\/live+key=1"));
    assertEquals("red\uFFFD[31m text", scrubber.scrub("red\u001b[31m text"));
    assertEquals("line one line two", scrubber.scrub("line one\nline two"));
    assertEquals("\uFFFDevil", scrubber.scrub("\u202eevil"));
  }
}
