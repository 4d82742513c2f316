package dev.mergesdk.filestorage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.core.AuthenticationException;
import dev.mergesdk.core.DecodeException;
import dev.mergesdk.core.Download;
import dev.mergesdk.core.MergeException;
import dev.mergesdk.core.MergeTimeoutException;
import dev.mergesdk.core.NetworkException;
import dev.mergesdk.core.NoDelayServerSockets;
import dev.mergesdk.core.RateLimitException;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.core.SecretGuard;
import dev.mergesdk.core.ServerException;
import dev.mergesdk.filestorage.model.FileStorageFileEndpointRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix's main cases through the real File Storage client (its generated operations, its builder, its
 * account token): a GET, an unsafe POST and a download to a file, each ending as specified, with the expected number
 * of attempts, no connection left in use, no partial file, and neither the API key nor the account token in any
 * log line, console output, exception or toString(). The full matrix runs in common (FaultMatrixTest).
 */
class FileStorageFaultsTest {
  private static final String OK_FILE = "{\"id\":\"f-1\",\"name\":\"a.pdf\"}";
  private static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(5))
      .maxBackoff(Duration.ofMillis(20)).maxRetryAfter(Duration.ofMillis(100)).budget(Duration.ofSeconds(3)).build();

  @TempDir
  Path dir;

  enum Call {
    GET, POST, DOWNLOAD
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static MockResponse reset() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  /** Faults, what each call ends in (null: success), and its attempts: GET, POST, DOWNLOAD. */
  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of("503 then success", List.of(json(503, "{}")),
            new Object[] {null, 2, ServerException.class, 1, null, 2}),
        Arguments.of("reset before the response", List.of(reset()),
            new Object[] {null, 2, NetworkException.class, 1, null, 2}),
        Arguments.of("429 with Retry-After", List.of(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build()),
            new Object[] {null, 2, RateLimitException.class, 1, null, 2}),
        Arguments.of("401 invalid key", List.of(json(401, "{\"detail\":\"Invalid token.\"}")),
            new Object[] {AuthenticationException.class, 1, AuthenticationException.class, 1, AuthenticationException.class, 1}),
        Arguments.of("slow headers", List.of(new MockResponse.Builder().code(200).body(OK_FILE)
                .headersDelay(1, TimeUnit.SECONDS).build()),
            new Object[] {null, 2, MergeTimeoutException.class, 1, null, 2}),
        Arguments.of("body cut mid-way", List.of(new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/json").body("{\"id\":\"f-1\",\"name\":\"" + "x".repeat(4000) + "\"}")
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build()),
            new Object[] {null, 2, NetworkException.class, 1, NetworkException.class, 1}),
        Arguments.of("truncated JSON", List.of(json(200, "{\"id\":\"f-1\",\"na")),
            new Object[] {DecodeException.class, 1, DecodeException.class, 1, null, 1}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void theRealClientEndsEachFaultAsSpecifiedWithoutLeakingSecretsConnectionsOrPartialFiles(String name,
      List<MockResponse> faults, Object[] expected) throws Exception {
    for (Call call : Call.values()) {
      @SuppressWarnings("unchecked")
      Class<? extends MergeException> error = (Class<? extends MergeException>) expected[call.ordinal() * 2];
      int attempts = (Integer) expected[call.ordinal() * 2 + 1];
      OkHttpClient base = new OkHttpClient();
      Path target = dir.resolve(call + "-" + Math.abs(name.hashCode()) + ".bin");
      try (SecretGuard guard = SecretGuard.start(); MockWebServer server = new MockWebServer()) {
        server.setServerSocketFactory(NoDelayServerSockets.FACTORY);
        faults.forEach(server::enqueue);
        server.enqueue(call == Call.DOWNLOAD
            ? new MockResponse.Builder().code(200).body("file bytes").build()
            : json(call == Call.POST ? 201 : 200, call == Call.POST ? "{\"model\":" + OK_FILE + "}" : OK_FILE));
        server.start();
        Object outcome;
        try (FileStorageClient client = FileStorageClient.builder().apiKey(SecretGuard.API_KEY)
            .accountToken(SecretGuard.ACCOUNT_TOKEN).baseUrl(server.url("/api/filestorage/v1/").toString())
            .httpClient(base).readTimeout(Duration.ofMillis(250)).retryPolicy(FAST).logger(guard.logger()).build()) {
          Function<FileStorageClient, Object> run = c -> {
            switch (call) {
              case GET:
                return c.files().retrieve("f-1").execute();
              case POST:
                return c.files().create(new FileStorageFileEndpointRequest()).execute();
              default:
                try (Download download = c.files().download("f-1").execute()) {
                  return download.saveTo(target);
                }
            }
          };
          try {
            outcome = run.apply(client);
          } catch (MergeException e) {
            outcome = e;
          }
          guard.check(client).check(outcome);
        }
        String context = name + " / " + call + ": " + outcome + "\n" + String.join("\n", guard.httpLog());
        if (error == null) {
          assertTrue(!(outcome instanceof Throwable), context);
        } else {
          assertEquals(error, outcome.getClass(), context);
        }
        assertEquals(attempts, guard.attempts(), "attempts; " + context);
        assertEquals(attempts, server.getRequestCount(), "requests the server saw; " + context);
        assertEquals(0, base.connectionPool().connectionCount() - base.connectionPool().idleConnectionCount(),
            "connections left in use; " + context);
        if (call == Call.DOWNLOAD) {
          assertEquals(error == null, Files.exists(target), "the file exists exactly when the download succeeded; " + context);
          try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no partial file; " + context);
          }
        }
      } finally {
        base.connectionPool().evictAll();
      }
    }
  }
}
