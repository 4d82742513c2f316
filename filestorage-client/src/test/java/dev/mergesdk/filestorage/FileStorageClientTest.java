package dev.mergesdk.filestorage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mergesdk.core.Region;
import org.junit.jupiter.api.Test;

class FileStorageClientTest {

  private static String baseUrlIn(Region region) {
    try (FileStorageClient client = FileStorageClient.builder().apiKey("k").region(region).build()) {
      return client.baseUrl();
    }
  }

  @Test
  void eachRegionHasItsFileStorageBaseUrl() {
    assertEquals("https://api.merge.dev/api/filestorage/v1/", baseUrlIn(Region.US));
    assertEquals("https://api-eu.merge.dev/api/filestorage/v1/", baseUrlIn(Region.EU));
    assertEquals("https://api-ap.merge.dev/api/filestorage/v1/", baseUrlIn(Region.APAC));
  }

  @Test
  void theAccountTokenIsValidatedAndNeverPrinted() {
    assertEquals("accountToken must not be null",
        assertThrows(NullPointerException.class, () -> FileStorageClient.builder().accountToken(null)).getMessage());
    assertEquals("accountToken must not be blank",
        assertThrows(IllegalArgumentException.class, () -> FileStorageClient.builder().accountToken("")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> FileStorageClient.builder().accountToken("tok\nX: y"));
    try (FileStorageClient client = FileStorageClient.builder().apiKey("sk_SECRET").accountToken("acct_SECRET").build()) {
      assertFalse(client.toString().contains("SECRET"), client.toString());
    }
  }

  @Test
  void buildingWithoutAnApiKeyFailsWithAClearMessage() {
    assertEquals("apiKey is required: set it with Merge File Storage API client builder's apiKey(...)",
        assertThrows(IllegalStateException.class, () -> FileStorageClient.builder().build()).getMessage());
  }
}
