package dev.mergesdk.testkit.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.filestorage.FileStorageClient;
import dev.mergesdk.testkit.MergeMock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A first test with the testkit, on a classpath without any SLF4J provider (as this project's is): the mock, its
 * contract check and a client call print nothing, not even SLF4J's "no provider" notice.
 */
class TestkitOutputTest {

  @Test
  void aFirstTestWithTheMockPrintsNothing() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try (MergeMock fileStorage = MergeMock.fileStorage().start();
        FileStorageClient client = FileStorageClient.builder().apiKey("test-key").accountToken("test-account")
            .baseUrl(fileStorage.baseUrl()).retryPolicy(RetryPolicy.none()).build()) {
      assertFalse(client.files().list().execute().getResults().isEmpty());
      fileStorage.assertNoViolations();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertEquals("", printed.toString(StandardCharsets.UTF_8));
  }
}
