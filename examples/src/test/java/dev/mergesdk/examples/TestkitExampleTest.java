package dev.mergesdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mergesdk.core.RateLimitException;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.filestorage.FileStorageClient;
import dev.mergesdk.filestorage.FilesApi;
import dev.mergesdk.testkit.Fault;
import dev.mergesdk.testkit.MergeMock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How a user tests their own code against the File Storage contract with the testkit. */
class TestkitExampleTest {
  @RegisterExtension
  static MergeMock fileStorage = MergeMock.fileStorage();

  private static FileStorageClient client() {
    return FileStorageClient.builder().apiKey("test-key").accountToken("test-account")
        .baseUrl(fileStorage.baseUrl()).retryPolicy(RetryPolicy.none()).build();
  }

  /** The code under test: counts the PDFs of a linked account. */
  static long countPdfs(FileStorageClient client) {
    return client.files().list(FilesApi.ListParams.builder().mimeType("application/pdf").build()).stream().count();
  }

  @Test
  void countsPdfsAcrossEveryPageAndSendsTheFilter() {
    fileStorage.stub("files_list").respondPages("[{\"id\":\"6c1f0000-0000-4000-8000-000000000001\"},{\"id\":\"6c1f0000-0000-4000-8000-000000000002\"},{\"id\":\"6c1f0000-0000-4000-8000-000000000003\"},{\"id\":\"6c1f0000-0000-4000-8000-000000000004\"},{\"id\":\"6c1f0000-0000-4000-8000-000000000005\"}]", 3);
    try (FileStorageClient client = client()) {
      assertEquals(5, countPdfs(client));
    }
    assertEquals(3, fileStorage.requests("files_list").size());
    assertEquals("application/pdf", fileStorage.lastRequest().queryParameter("mime_type"));
    assertEquals("test-account", fileStorage.lastRequest().header("X-Account-Token"));
  }

  @Test
  void surfacesRateLimitingToTheCaller() {
    fileStorage.stub("files_list").fault(Fault.rateLimited(Duration.ofSeconds(30)));
    try (FileStorageClient client = client()) {
      RateLimitException e = assertThrows(RateLimitException.class, () -> countPdfs(client));
      assertEquals(Duration.ofSeconds(30), e.retryAfter().orElseThrow());
    }
  }
}
