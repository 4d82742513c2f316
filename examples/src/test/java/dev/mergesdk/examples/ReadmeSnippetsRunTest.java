package dev.mergesdk.examples;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mergesdk.agenthandler.AgentHandlerClient;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.filestorage.FileStorageClient;
import dev.mergesdk.testkit.ExampleJson;
import dev.mergesdk.testkit.Fault;
import dev.mergesdk.testkit.MergeMock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's snippets that talk to an API, run against the testkit: every request they send is one the specs
 * accept (the mocks fail the test otherwise), and they survive real data, where optional members are missing.
 */
class ReadmeSnippetsRunTest {
  private static final String ID = ExampleJson.uuid(1);

  @RegisterExtension
  final MergeMock fileStorage = MergeMock.fileStorage();
  @RegisterExtension
  final MergeMock agentHandler = MergeMock.agentHandler();

  private FileStorageClient fs;
  private AgentHandlerClient ah;

  private FileStorageClient fs() {
    fs = FileStorageClient.builder().apiKey("test-key").accountToken("test-account").baseUrl(fileStorage.baseUrl())
        .retryPolicy(RetryPolicy.none()).build();
    return fs;
  }

  private AgentHandlerClient ah() {
    ah = AgentHandlerClient.builder().apiKey("test-key").baseUrl(agentHandler.baseUrl())
        .retryPolicy(RetryPolicy.none()).build();
    return ah;
  }

  @AfterEach
  void close() {
    if (fs != null) {
      fs.close();
    }
    if (ah != null) {
      ah.close();
    }
  }

  @Test
  void theCallsSnippetCopesWithAFileThatIsInNoFolder() {
    fileStorage.stub("files_retrieve").respondExample(file -> file.with("folder", null));

    assertDoesNotThrow(() -> ReadmeSnippets.everyOperation(fs()));
    assertEquals("folder,permissions", fileStorage.requests("files_retrieve").get(0).queryParameter("expand"));
  }

  @Test
  void thePagingSnippetCopesWithFilesWithoutASize() {
    ExampleJson file = fileStorage.exampleItem("files_list");
    fileStorage.stub("files_list").respondPages(List.of(file.with("id", ExampleJson.uuid(1)).with("size", null),
        file.with("id", ExampleJson.uuid(2)).with("size", 2_000_000)), 2);

    assertDoesNotThrow(() -> ReadmeSnippets.paging(fs()));
    assertEquals("100", fileStorage.lastRequest().queryParameter("page_size"));
  }

  @Test
  void theErrorsSnippetHandlesEveryStatusItNames() {
    FileStorageClient client = fs();
    for (Fault fault : List.of(Fault.status(404), Fault.rateLimited(Duration.ofSeconds(1)), Fault.status(503),
        Fault.status(403), Fault.status(409))) {
      fileStorage.injectFault(fault);
      assertDoesNotThrow(() -> ReadmeSnippets.errors(client, ID), fault.toString());
    }
  }

  @Test
  void theCommonTasksSendRequestsTheSpecAccepts() {
    FileStorageClient client = fs();
    ReadmeSnippets.driveFolders(client, ID);
    assertEquals(ID, fileStorage.lastRequest().queryParameter("drive_id"));

    assertFalse(ReadmeSnippets.folderInFolder(client, ID, ExampleJson.uuid(2)).isEmpty());
    assertEquals(ExampleJson.uuid(2), com.google.gson.JsonParser.parseString(fileStorage.lastRequest().body())
        .getAsJsonObject().getAsJsonObject("model").get("parent_folder").getAsString());

    assertFalse(ReadmeSnippets.fileInFolder(client, ID).isEmpty());
    ReadmeSnippets.options(client);
    assertEquals("another-linked-account", fileStorage.lastRequest().header("X-Account-Token"));

    assertFalse(ReadmeSnippets.registeredUserAndLinkToken(ah()).isEmpty());
    assertEquals(List.of("registeredUsers_create", "registeredUsers_createLinkToken"), agentHandler.requests().stream()
        .map(dev.mergesdk.testkit.RecordedCall::operationId).collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void theMcpSnippetCallsAToolOnAFreshMock() {
    assertDoesNotThrow(() -> ReadmeSnippets.mcp(ah(), ID, ExampleJson.uuid(2)));
    assertEquals(1, agentHandler.requests("mcp_call").size());
  }
}
