package dev.mergesdk.filestorage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mergesdk.core.NoDelayServerSockets;
import dev.mergesdk.core.Region;
import dev.mergesdk.core.SecretGuard;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input through the real File Storage operations: path arguments are percent-encoded and can never change
 * the path, out-of-range page sizes and invalid tokens fail before anything is sent with a message naming the
 * argument, and nothing shows the API key or account token. (Null and blank required arguments are specified by
 * RequiredArgumentsFailFastTest.)
 */
class FileStorageBadInputTest {
  private static final String BASE_PATH = "/api/filestorage/v1/";
  private MockWebServer server;
  private SecretGuard guard;
  private FileStorageClient client;

  @BeforeEach
  void start() throws IOException {
    guard = SecretGuard.start();
    server = new MockWebServer();
    server.setServerSocketFactory(NoDelayServerSockets.FACTORY);
    server.start();
    client = FileStorageClient.builder().apiKey(SecretGuard.API_KEY).accountToken(SecretGuard.ACCOUNT_TOKEN)
        .baseUrl(server.url(BASE_PATH).toString()).logger(guard.logger()).build();
  }

  @AfterEach
  void stop() {
    guard.check(client);
    client.close();
    server.close();
    guard.close();
  }

  private void respond(String json) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build());
  }

  private RecordedRequest taken() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  @ParameterizedTest(name = "id ''{0}'' is sent as ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "a/b|a%2Fb", "a/../b|a%2F..%2Fb", "../../admin|..%2F..%2Fadmin", "..x|..x", "x?y=1|x%3Fy%3D1",
      "x#frag|x%23frag", "100%|100%25", "%2F|%252F", "été|%C3%A9t%C3%A9", "日本|%E6%97%A5%E6%9C%AC",
      "a b|a%20b", "a;b|a%3Bb", "a\\b|a%5Cb", "~user.name_1-2|~user.name_1-2"})
  void pathArgumentsArePercentEncodedAndNeverAlterThePath(String id, String encoded) throws Exception {
    respond("{\"id\":\"f\"}");
    client.files().retrieve(id).execute();
    RecordedRequest request = taken();
    assertEquals(BASE_PATH + "files/" + encoded, request.getTarget());
    assertEquals(id, request.getUrl().pathSegments().get(4), "the server decodes exactly the id");
    assertEquals(5, request.getUrl().pathSegments().size(), "no segment added or removed");
  }

  @ParameterizedTest
  @ValueSource(ints = {101, 1000, Integer.MAX_VALUE})
  void aPageSizeAboveTheMaximumIsRefusedNamingPageSize(int size) {
    for (Executable set : List.<Executable>of(() -> DrivesApi.ListParams.builder().pageSize(size),
        () -> FilesApi.ListParams.builder().pageSize(size), () -> AuditTrailApi.ListParams.builder().pageSize(size))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, set);
      assertEquals("page_size must be at most 100, was " + size, e.getMessage());
    }
  }

  @Test
  void theLargestPageSizeIsSent() throws Exception {
    respond("{\"next\":null,\"results\":[]}");
    client.drives().list(DrivesApi.ListParams.builder().pageSize(100).build()).execute();
    assertEquals(BASE_PATH + "drives?page_size=100", taken().getTarget());
  }

  @Test
  void anAccountTokenOkHttpWouldRejectFailsAtBuildWithoutEchoingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FileStorageClient.builder().apiKey("k").accountToken(SecretGuard.ACCOUNT_TOKEN + "é").build());
    assertEquals("accountToken must contain only ASCII characters", e.getMessage());
    guard.check(e);
  }

  @Test
  void anUnknownRegionInTheSystemPropertyFailsAtBuild() {
    String previous = System.getProperty(Region.SYSTEM_PROPERTY);
    System.setProperty(Region.SYSTEM_PROPERTY, "mars");
    try {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> FileStorageClient.builder().apiKey("k").build());
      assertEquals("unknown region 'mars': expected US, EU, APAC or an https URL", e.getMessage());
    } finally {
      if (previous == null) {
        System.clearProperty(Region.SYSTEM_PROPERTY);
      } else {
        System.setProperty(Region.SYSTEM_PROPERTY, previous);
      }
    }
  }
}
