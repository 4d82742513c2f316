package dev.mergesdk.filestorage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.testkit.MergeMock;
import dev.mergesdk.testkit.RecordedCall;

/**
 * What File Storage's tests share on top of the testkit's {@link MergeMock}: the mock as they configure it, and
 * clients pointed at it. Register the mock as an instance field and build the client from it:
 *
 * <pre>{@code
 * @RegisterExtension final MergeMock server = TestClients.mock();
 * private final FileStorageClient client = TestClients.client(server);
 * }</pre>
 *
 * <p>After a test that otherwise passed, the mock fails it if the client sent requests the test never took, or if
 * any request, or any response served as conforming, breaks {@code spec/filestorage.yaml}; every operation a
 * request reaches counts towards {@link ContractCoverageTest}.
 */
final class TestClients {
  /** The API key every test client uses; a dummy, never a real credential. */
  static final String API_KEY = "test-key";
  /** The account token of {@link #client}; a dummy, never a real credential. */
  static final String ACCOUNT_TOKEN = "test-account-token";

  private TestClients() {
  }

  /** {@return a started File Storage mock that serves this module's fixtures and wants every request taken} */
  static MergeMock mock() {
    return MergeMock.fileStorage().fixtures("/fixtures/filestorage/").requireEveryRequestTaken()
        .expectAuthorization("Bearer " + API_KEY).start();
  }

  /**
   * @param mock the mock
   * @return a client for Linked Account operations (API key, account token, no retries), closed after the test
   */
  static FileStorageClient client(MergeMock mock) {
    return mock.closeAfterTest(builder(mock).accountToken(ACCOUNT_TOKEN).build());
  }

  /**
   * @param mock the mock
   * @return a client without an account token, for organisation-wide operations, closed after the test
   */
  static FileStorageClient clientWithoutAccountToken(MergeMock mock) {
    return mock.closeAfterTest(builder(mock).build());
  }

  private static FileStorageClient.Builder builder(MergeMock mock) {
    return FileStorageClient.builder().apiKey(API_KEY).baseUrl(mock.baseUrl()).retryPolicy(RetryPolicy.none());
  }

  /**
   * Asserts the request carried the test client's account token.
   *
   * @param request the request
   */
  static void assertAccountToken(RecordedCall request) {
    assertEquals(ACCOUNT_TOKEN, request.header("X-Account-Token"), "X-Account-Token header");
  }

  /**
   * Asserts the request carried no account token.
   *
   * @param request the request
   */
  static void assertNoAccountToken(RecordedCall request) {
    assertNull(request.header("X-Account-Token"), "X-Account-Token must not be sent");
  }
}
