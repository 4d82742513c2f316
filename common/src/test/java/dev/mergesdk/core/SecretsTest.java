package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void loggingIsOptInAndRedactsAuthorizationAccountTokenAndTokenParameters() {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (MockServer server = new MockServer(); TestClient client = server.clientBuilder().logger(lines::add).build()) {
      server.json(200, "[]", Headers.of("Set-Cookie", "session=SECRET_cookie", "X-Request-Id", "r1"));
      client.api.issues(MockServer.ACCOUNT_TOKEN).with(RequestOptions.builder()
          .header("X-Api-Key", "SECRET_extra_key").build()).execute();
    }
    String log = String.join("\n", lines);
    assertTrue(log.contains("--> GET"), log);
    assertTrue(log.contains("<-- 200 GET"), log);
    assertTrue(log.contains("Authorization: ***"), log);
    assertTrue(log.contains("X-Account-Token: ***"), log);
    assertTrue(log.contains("X-Request-Id: r1"), log);
    assertFalse(log.contains("SECRET"), log);
  }

  @Test
  void exceptionMessagesNeverContainTheKeyOrToken() {
    try (MockServer server = new MockServer(); TestClient client = server.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
      server.json(401, "{\"detail\":\"Invalid token.\"}");
      AuthenticationException e = org.junit.jupiter.api.Assertions.assertThrows(AuthenticationException.class,
          () -> client.api.get("1").execute());
      String all = e.getMessage() + e + e.body() + e.headers();
      assertFalse(all.contains(MockServer.API_KEY), all);
      assertFalse(all.contains(MockServer.ACCOUNT_TOKEN), all);
    }
  }

  @Test
  void aTokenOkHttpWouldRejectIsRefusedWhenSetSoOkHttpCanNeverQuoteItInAnError() {
    // OkHttp refuses non-ASCII header values with a message that quotes the value of any header but Authorization
    // and cookies; the SDK refuses such values up front, without echoing them.
    String token = MockServer.ACCOUNT_TOKEN + "\u00e9";
    IllegalArgumentException perCall = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> RequestOptions.builder().accountToken(token));
    IllegalArgumentException perClient = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> TestClient.builder().apiKey("k").accountToken(token).build());
    for (IllegalArgumentException e : List.of(perCall, perClient)) {
      assertTrue(e.getMessage().equals("accountToken must contain only ASCII characters"), e.getMessage());
    }
  }

  @Test
  void aPasswordInTheBaseUrlIsMaskedInLogsMessagesAndToString() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (TestClient client = TestClient.builder().apiKey("k").baseUrl("http://proxy-user:SECRET_proxy_pw@127.0.0.1:" + port + "/api/")
        .retryPolicy(RetryPolicy.none()).logger(lines::add).build()) {
      NetworkException e = org.junit.jupiter.api.Assertions.assertThrows(NetworkException.class,
          () -> client.api.get("1").execute());
      String all = e.getMessage() + "\n" + client.runtime + "\n" + client.api.get("1") + "\n" + String.join("\n", lines);
      assertTrue(all.contains("proxy-user:***@127.0.0.1"), all);
      assertFalse(all.contains("SECRET"), all);
    }
  }

  @Test
  void urlsInMessagesMaskTokenQueryParameters() {
    okhttp3.HttpUrl url = okhttp3.HttpUrl.get("https://api.example/issues?account_token=SECRET1&status=ONGOING&api_key=SECRET2");
    String redacted = Redaction.url(url);
    assertFalse(redacted.contains("SECRET"), redacted);
    assertTrue(redacted.contains("status=ONGOING"), redacted);
  }
}
