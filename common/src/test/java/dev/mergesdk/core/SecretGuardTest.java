package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Logger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The checks the reliability suites rely on do catch what they claim to, so a passing suite means something. */
class SecretGuardTest {
  private static final Logger SOME_LIBRARY = Logger.getLogger("some.library");

  private static void assertCaught(java.util.function.Consumer<SecretGuard> leak) {
    SecretGuard guard = SecretGuard.start();
    leak.accept(guard);
    AssertionError e = assertThrows(AssertionError.class, guard::close);
    assertTrue(e.getMessage().contains("leaked into"), e.getMessage());
  }

  @Test
  void aSecretInAnyChannelIsCaught() {
    assertCaught(g -> g.logger().log("Authorization: Bearer " + SecretGuard.API_KEY));
    assertCaught(g -> System.out.println("token " + SecretGuard.ACCOUNT_TOKEN));
    assertCaught(g -> System.err.println("key " + SecretGuard.API_KEY.substring(3, 20)));
    assertCaught(g -> SOME_LIBRARY.warning("header X-Account-Token=" + SecretGuard.ACCOUNT_TOKEN));
    assertCaught(g -> g.check(new MergeException("outer", new IllegalStateException("cause " + SecretGuard.API_KEY))));
    assertCaught(g -> {
      MergeException e = new MergeException("outer");
      e.addSuppressed(new RuntimeException(SecretGuard.ACCOUNT_TOKEN));
      g.check(e);
    });
    assertCaught(g -> g.check(new Object() {
      @Override
      public String toString() {
        return "Client{key=" + SecretGuard.API_KEY + "}";
      }
    }));
  }

  @Test
  void aCleanRunPasses() {
    try (SecretGuard guard = SecretGuard.start()) {
      guard.logger().log("--> GET https://api.merge.dev/ | Authorization: ***");
      guard.check(new NetworkException("network failure", new java.io.IOException("reset")));
      assertEquals(1, guard.attempts());
    }
  }

  @Test
  void theConnectionCheckSeesAResponseLeftOpen() {
    OkHttpClient base = new OkHttpClient();
    try (MockServer server = new MockServer(); TestClient client = server.clientBuilder().httpClient(base).build()) {
      server.enqueue(new mockwebserver3.MockResponse.Builder().code(200).body("bytes"));
      Download open = client.api.download("f").execute();
      assertEquals(1, base.connectionPool().connectionCount() - base.connectionPool().idleConnectionCount());
      open.close();
      assertEquals(0, base.connectionPool().connectionCount() - base.connectionPool().idleConnectionCount());
    } finally {
      base.connectionPool().evictAll();
    }
  }
}
