package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.mergesdk.agenthandler.AgentHandlerClient;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.filestorage.FileStorageClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A mock with nothing stubbed answers every operation of both specs, as the spec's own contract check accepts it
 * and as the client decodes it: a user's first test works before they stub anything. The operations come from
 * the specs, so one added to a spec is swept too, and one the client lacks fails the sweep.
 */
class EveryOperationUnstubbedTest {
  private static final MergeMock FILE_STORAGE = MergeMock.fileStorage().start();
  private static final MergeMock AGENT_HANDLER = MergeMock.agentHandler().start();
  private static final FileStorageClient FS_CLIENT = FileStorageClient.builder().apiKey("test-key")
      .accountToken("test-account").baseUrl(FILE_STORAGE.baseUrl()).retryPolicy(RetryPolicy.none()).build();
  private static final AgentHandlerClient AH_CLIENT = AgentHandlerClient.builder().apiKey("test-key")
      .baseUrl(AGENT_HANDLER.baseUrl()).retryPolicy(RetryPolicy.none()).build();

  @AfterAll
  static void stop() {
    FS_CLIENT.close();
    AH_CLIENT.close();
    FILE_STORAGE.close();
    AGENT_HANDLER.close();
  }

  private static List<ClientOperations.Bound> operations() {
    List<ClientOperations.Bound> all = new ArrayList<>(ClientOperations.bind(FILE_STORAGE.spec(), FS_CLIENT));
    all.addAll(ClientOperations.bind(AGENT_HANDLER.spec(), AH_CLIENT));
    return all;
  }

  @Test
  void theSweepCoversEveryOperationOfBothSpecsOnce() {
    List<String> swept = operations().stream().map(b -> b.operation.spec().name() + ":" + b.operation.operationId())
        .collect(Collectors.toList());
    int inSpecs = FILE_STORAGE.spec().operations().size() + AGENT_HANDLER.spec().operations().size();

    assertEquals(inSpecs, swept.size(), "operations swept: " + swept);
    assertEquals(inSpecs, swept.stream().distinct().count(), "an operation is swept twice: " + swept);
    System.out.println("[testkit] unstubbed sweep: " + swept.size() + " operations (" + FILE_STORAGE.spec() + ", "
        + AGENT_HANDLER.spec() + ")");
  }

  @TestFactory
  Stream<DynamicTest> everyOperationAnswersSomethingItsContractAcceptsAndTheClientDecodes() {
    return operations().stream().map(op -> dynamicTest(op.operation.spec().name() + " " + op, () -> {
      MergeMock mock = op.operation.spec() == FILE_STORAGE.spec() ? FILE_STORAGE : AGENT_HANDLER;
      mock.reset();

      op.call();

      List<RecordedCall> calls = mock.requests();
      assertEquals(1, calls.size(), "requests sent: " + calls);
      assertEquals(op.operation.operationId(), calls.get(0).operationId());
      mock.assertNoViolations();
    }));
  }
}
