package dev.mergesdk.filestorage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mergesdk.core.Region;
import dev.mergesdk.core.SecretGuard;
import dev.mergesdk.core.SecretGuardExtension;
import dev.mergesdk.testkit.MergeMock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input File Storage bounds on its own: out-of-range page sizes and invalid tokens fail before anything is sent
 * with a message naming the argument, and nothing shows the API key or account token. (Path arguments, and null
 * and blank required arguments, are specified for both clients by testkit/tests' BadInputTest and
 * EveryOperationTest.)
 */
class BadInputTest {
  @RegisterExtension final SecretGuardExtension secrets = new SecretGuardExtension();
  @RegisterExtension final MergeMock server = MergeMock.fileStorage();

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
  void theLargestPageSizeIsSent() {
    try (FileStorageClient client = FileStorageClient.builder().apiKey(SecretGuard.API_KEY)
        .accountToken(SecretGuard.ACCOUNT_TOKEN).baseUrl(server.baseUrl()).logger(secrets.guard().logger()).build()) {
      client.drives().list(DrivesApi.ListParams.builder().pageSize(100).build()).execute();
      secrets.guard().check(client);
    }
    server.takeRequest("GET", "/drives?page_size=100");
  }

  @Test
  void anAccountTokenOkHttpWouldRejectFailsAtBuildWithoutEchoingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FileStorageClient.builder().apiKey("k").accountToken(SecretGuard.ACCOUNT_TOKEN + "é").build());
    assertEquals("accountToken must contain only ASCII characters", e.getMessage());
    secrets.guard().check(e);
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
