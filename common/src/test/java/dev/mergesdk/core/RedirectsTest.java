package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Credentials never leave the API's origin: a redirect of a JSON operation is a {@link RedirectException} and
 * nothing reaches the target; a download follows a redirect to another origin only as a bare request; nothing
 * goes from https to http; loops end. The "other origin" is a second server on another port.
 */
class RedirectsTest {
  private static final String CALLER_HEADER = "X-Team";
  private static final String REQUEST_HEADER = "X-Trace-Id";
  private static final String SECRET_HEADER = "X-Partner-Token";
  private static final String SECRET_VALUE = "partner_SECRET_value_123";
  private final List<String> log = new CopyOnWriteArrayList<>();

  private TestClient client(MockServer api) {
    return api.clientBuilder().header(CALLER_HEADER, "documents").header(SECRET_HEADER, SECRET_VALUE)
        .logger(log::add).build();
  }

  private static RequestOptions perRequest() {
    return RequestOptions.builder().header(REQUEST_HEADER, "trace-42").build();
  }

  private static MockResponse.Builder redirect(int code, String location) {
    return new MockResponse.Builder().code(code).addHeader("Location", location);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aJsonOperationThatRedirectsIsATypedErrorAndTheTargetReceivesNothing(int code) {
    try (MockServer api = new MockServer(); MockServer other = new MockServer(); TestClient client = client(api)) {
      String target = other.server.url("/steal?token=" + MockServer.ACCOUNT_TOKEN).toString();
      api.enqueue(redirect(code, target));
      api.enqueue(redirect(code, target));

      RedirectException get = assertThrows(RedirectException.class, () -> client.api.get("1").with(perRequest()).execute());
      RedirectException post = assertThrows(RedirectException.class,
          () -> client.api.create(TestApi.Thing.named("x")).with(perRequest()).execute());

      for (RedirectException e : List.of(get, post)) {
        assertEquals(code, e.statusCode());
        assertTrue(e.getMessage().contains("HTTP " + code), e.getMessage());
        assertTrue(e.getMessage().contains(other.server.getHostName() + ":" + other.server.getPort() + "/steal"), e.getMessage());
        assertTrue(e.location().orElseThrow().contains("token=***"), e.location().orElseThrow());
        assertFalse(e.getMessage().contains(MockServer.ACCOUNT_TOKEN), e.getMessage());
        assertFalse(e.getMessage().contains(MockServer.API_KEY), e.getMessage());
      }
      assertEquals(0, other.requestCount(), "nothing may reach another origin");
      assertEquals(2, api.requestCount(), "a redirect is not retried");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aDownloadFollowsARedirectToAnotherOriginWithoutAnythingTheSdkOrTheCallerAttached(int code) throws IOException {
    try (MockServer api = new MockServer(); MockServer cdn = new MockServer(); TestClient client = client(api)) {
      api.enqueue(redirect(code, cdn.server.url("/blob/1?X-Amz-Signature=sig-SECRET-0001").toString()));
      cdn.enqueue(new MockResponse.Builder().code(200).body("file bytes"));

      try (Download download = client.api.download("f").with(perRequest()).execute()) {
        assertEquals("file bytes", new String(download.inputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }

      RecordedRequest first = api.take();
      assertEquals("Bearer " + MockServer.API_KEY, first.getHeaders().get("Authorization"));
      RecordedRequest hop = cdn.take();
      assertEquals("GET", hop.getMethod());
      for (String name : List.of("Authorization", AccountTokenInterceptor.HEADER, CALLER_HEADER, SECRET_HEADER,
          REQUEST_HEADER, RequestOptions.IDEMPOTENCY_KEY_HEADER)) {
        assertNull(hop.getHeaders().get(name), name + " reached another origin");
      }
      String everything = hop.getHeaders().toString();
      assertFalse(everything.contains(MockServer.API_KEY) || everything.contains(MockServer.ACCOUNT_TOKEN)
          || everything.contains(SECRET_VALUE), everything);
      assertEquals(0, hop.getBodySize());
      assertTrue(log.stream().anyMatch(line -> line.startsWith("--> GET http://" + cdn.server.getHostName() + ":" + cdn.server.getPort())),
          "every hop is logged: " + log);
      assertTrue(log.stream().noneMatch(line -> line.contains("sig-SECRET-0001")), "signatures are masked: " + log);
    }
  }

  @Test
  void aDownloadRedirectWithinTheApiOriginKeepsItsCredentials() throws IOException {
    try (MockServer api = new MockServer(); TestClient client = client(api)) {
      api.enqueue(redirect(302, "/api/things/f/content-v2"));
      api.enqueue(new MockResponse.Builder().code(200).body("v2"));
      try (Download download = client.api.download("f").execute()) {
        download.inputStream().readAllBytes();
      }
      api.take();
      RecordedRequest hop = api.take();
      assertEquals("/api/things/f/content-v2", hop.getTarget());
      assertEquals("Bearer " + MockServer.API_KEY, hop.getHeaders().get("Authorization"));
      assertEquals(MockServer.ACCOUNT_TOKEN, hop.getHeaders().get(AccountTokenInterceptor.HEADER));
    }
  }

  @Test
  void aDownloadIsNeverRedirectedFromHttpsToHttp() {
    HeldCertificate localhost = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
    HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(localhost).build();
    HandshakeCertificates clientCerts = new HandshakeCertificates.Builder().addTrustedCertificate(localhost.certificate()).build();
    try (MockWebServer https = new MockWebServer(); MockServer plain = new MockServer()) {
      https.useHttps(serverCerts.sslSocketFactory());
      https.start();
      https.enqueue(redirect(302, plain.server.url("/blob").toString()).build());
      OkHttpClient tls = new OkHttpClient.Builder()
          .sslSocketFactory(clientCerts.sslSocketFactory(), clientCerts.trustManager()).build();
      HttpUrl base = https.url("/api/").newBuilder().host("localhost").build();
      try (TestClient client = TestClient.builder().apiKey(MockServer.API_KEY).accountToken(MockServer.ACCOUNT_TOKEN)
          .baseUrl(base.toString()).httpClient(tls).retryPolicy(RetryPolicy.none()).build()) {
        RedirectException e = assertThrows(RedirectException.class, () -> client.api.download("f").execute());
        assertTrue(e.getMessage().contains("https to http"), e.getMessage());
      }
      assertEquals(0, plain.requestCount());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aRedirectLoopEndsAfterTheHopLimitAndAnUnsafeRequestIsSentOnce() {
    try (MockServer api = new MockServer(); TestClient client = client(api)) {
      for (int i = 0; i < 20; i++) {
        api.enqueue(redirect(307, "/api/things/f/content"));
      }
      RedirectException loop = assertThrows(RedirectException.class, () -> client.api.download("f").execute());
      assertTrue(loop.getMessage().contains("more than " + RedirectInterceptor.MAX_HOPS + " redirects"), loop.getMessage());
      assertEquals(RedirectInterceptor.MAX_HOPS + 1, api.requestCount());

      int before = api.requestCount();
      assertThrows(RedirectException.class, () -> client.api.create(TestApi.Thing.named("x")).execute());
      assertEquals(before + 1, api.requestCount(), "a 307 never makes the SDK send a POST again");
    }
  }

  @Test
  void theRedirectRulesInOneTable() {
    HttpUrl https = HttpUrl.get("https://api.example.test/v1/files/1/download");
    assertNull(RedirectInterceptor.refusal(https, HttpUrl.get("https://cdn.example.test/x"), 0));
    assertTrue(RedirectInterceptor.refusal(https, HttpUrl.get("http://cdn.example.test/x"), 0).contains("https to http"));
    assertTrue(RedirectInterceptor.refusal(https, null, 0).contains("no http(s) Location"));
    assertTrue(RedirectInterceptor.refusal(https, https, RedirectInterceptor.MAX_HOPS).contains("redirects"));
    assertTrue(RedirectInterceptor.sameOrigin(https, HttpUrl.get("https://api.example.test/other")));
    assertFalse(RedirectInterceptor.sameOrigin(https, HttpUrl.get("https://api.example.test:8443/v1")));
    assertFalse(RedirectInterceptor.sameOrigin(https, HttpUrl.get("http://api.example.test/v1")));
    assertFalse(RedirectInterceptor.sameOrigin(https, HttpUrl.get("https://evil.example.test/v1")));
  }
}
