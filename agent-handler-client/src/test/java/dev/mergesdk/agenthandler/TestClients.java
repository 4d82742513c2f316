package dev.mergesdk.agenthandler;

import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.testkit.MergeMock;

/**
 * What Agent Handler's tests share on top of the testkit's {@link MergeMock}: the mock as they configure it, and a
 * client pointed at it (the dummy API key, no retries). Every request, and every response served as conforming, is
 * checked against {@code spec/agent-handler.yaml} and counts towards {@link ContractCoverageTest}.
 *
 * <pre>{@code
 * @RegisterExtension final MergeMock server = TestClients.mock();
 * private final AgentHandlerClient client = TestClients.client(server);
 * }</pre>
 */
final class TestClients {
  /** The API key every test client sends; a dummy, never a real credential. */
  static final String API_KEY = "test-key";

  private TestClients() {
  }

  /** {@return a started Agent Handler mock that serves this module's fixtures and wants every request taken} */
  static MergeMock mock() {
    return MergeMock.agentHandler().fixtures("/fixtures/agenthandler/").requireEveryRequestTaken()
        .expectAuthorization("Bearer " + API_KEY).start();
  }

  /**
   * @param mock the mock
   * @return a client talking to it, closed after the test
   */
  static AgentHandlerClient client(MergeMock mock) {
    return mock.closeAfterTest(AgentHandlerClient.builder().apiKey(API_KEY).baseUrl(mock.baseUrl())
        .retryPolicy(RetryPolicy.none()).build());
  }
}
