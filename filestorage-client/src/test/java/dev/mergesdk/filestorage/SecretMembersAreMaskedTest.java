package dev.mergesdk.filestorage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.core.Json;
import dev.mergesdk.filestorage.model.DownloadRequestMeta;
import org.junit.jupiter.api.Test;

/** Members the spec marks {@code x-merge-secret} (a live provider credential) never show in {@code toString()}. */
class SecretMembersAreMaskedTest {
  @Test
  void downloadRequestMetaHidesTheProviderCredentialItCarries() {
    DownloadRequestMeta meta = Json.gson().fromJson("{\"id\":\"f1\",\"method\":\"GET\","
        + "\"url\":\"https://provider.example/files/1?X-Amz-Signature=presigned-SECRET\","
        + "\"headers\":{\"Authorization\":\"Bearer provider-SECRET-token\"}}", DownloadRequestMeta.class);
    String shown = meta.toString();
    assertFalse(shown.contains("SECRET"), shown);
    assertTrue(shown.contains("headers=***") && shown.contains("url=***") && shown.contains("id=f1"), shown);
    assertEquals("Bearer provider-SECRET-token",
        meta.getHeaders().getAsJsonObject().get("Authorization").getAsString(), "the value itself is kept");
  }
}
