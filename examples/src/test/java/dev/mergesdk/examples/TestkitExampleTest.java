package dev.mergesdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mergesdk.core.RateLimitException;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.core.ServerException;
import dev.mergesdk.filestorage.FileStorageClient;
import dev.mergesdk.filestorage.FilesApi;
import dev.mergesdk.filestorage.model.File;
import dev.mergesdk.testkit.ContractViolationError;
import dev.mergesdk.testkit.ExampleJson;
import dev.mergesdk.testkit.Fault;
import dev.mergesdk.testkit.MergeMock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a user tests their own code against the File Storage contract with the testkit; the README's testkit
 * snippets are taken from here verbatim ({@code ReadmeSnippetsTest} checks), so they run with the build.
 */
class TestkitExampleTest {
  // snippet: testkit-test
  @RegisterExtension
  static MergeMock fileStorage = MergeMock.fileStorage();

  /** The code under test: counts the PDFs of a linked account. */
  static long countPdfs(FileStorageClient client) {
    return client.files().list(FilesApi.ListParams.builder().mimeType("application/pdf").build()).stream().count();
  }

  @Test
  void countsPdfsAcrossEveryPage() {
    ExampleJson pdf = fileStorage.exampleItem("files_list").with("mime_type", "application/pdf");
    fileStorage.stub("files_list").respondPages(List.of(
        pdf.with("id", ExampleJson.uuid(1)),
        pdf.with("id", ExampleJson.uuid(2)),
        pdf.with("id", ExampleJson.uuid(3))), 2);

    try (FileStorageClient client = FileStorageClient.builder().apiKey("test-key").accountToken("test-account")
        .baseUrl(fileStorage.baseUrl()).build()) {
      assertEquals(3, countPdfs(client));
    }
    assertEquals(2, fileStorage.requests("files_list").size());
    assertEquals("application/pdf", fileStorage.lastRequest().queryParameter("mime_type"));
  }
  // end

  private static FileStorageClient client() {
    return FileStorageClient.builder().apiKey("test-key").accountToken("test-account")
        .baseUrl(fileStorage.baseUrl()).retryPolicy(RetryPolicy.none()).build();
  }

  @Test
  void oneAnswerChangedFromTheSpecsExample() {
    // snippet: testkit-change
    fileStorage.stub("files_retrieve").respondExample(file -> file.with("name", "Q3 report.pdf").without("size"));
    // end
    try (FileStorageClient client = client()) {
      File file = client.files().retrieve(ExampleJson.uuid(1)).execute();
      assertEquals("Q3 report.pdf", file.getName());
      assertNull(file.getSize());
      assertEquals("Planning", file.getFolder().expanded().orElseThrow().getName(), "the rest is the example's");
    }
  }

  @Test
  void faultsSurfaceToTheCaller() {
    // snippet: testkit-faults
    fileStorage.stub("files_list").fault(Fault.rateLimited(Duration.ofSeconds(30)));   // every files_list call
    fileStorage.injectFault(Fault.status(503));                                         // the next call, any operation
    // end
    try (FileStorageClient client = client()) {
      assertThrows(ServerException.class, () -> countPdfs(client));
      RateLimitException e = assertThrows(RateLimitException.class, () -> countPdfs(client));
      assertEquals(Duration.ofSeconds(30), e.retryAfter().orElseThrow());
    }
  }

  @Test
  void aStubThatBreaksTheSpecIsServedAndThenFailsTheTestNamingTheField() {
    fileStorage.stub("files_retrieve").respondJson(200, "{\"id\":\"a\",\"name\":\"a.pdf\"}");
    try (FileStorageClient client = client()) {
      assertEquals("a", client.files().retrieve(ExampleJson.uuid(1)).execute().getId(), "served as stubbed");
    }

    ContractViolationError e = assertThrows(ContractViolationError.class, fileStorage::assertNoViolations);
    // The README shows this message.
    assertEquals("1 contract violation(s) against the Merge File Storage API spec (filestorage.yaml):\n"
        + "  - files_retrieve GET /api/filestorage/v1/files/00000000-0000-4000-8000-000000000001: response: "
        + "[Path '/id'] Input string \"a\" is not a valid UUID [validation.response.body.schema.format.uuid]",
        e.getMessage());
  }
}
