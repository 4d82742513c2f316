package dev.mergesdk.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import mockwebserver3.MockResponse;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;

/**
 * A {@link QueueDispatcher} that checks every exchange against a spec: the request the client sent, and the
 * response it was served (unless enqueued with {@link #enqueueUnchecked}). Set it on a {@code MockWebServer} and keep
 * using {@code server.enqueue(...)}; call {@link #assertNoViolations()} at the end of each test.
 *
 * <pre>{@code
 * ContractDispatcher contract = new ContractDispatcher(ApiSpec.fileStorage());
 * server.setDispatcher(contract);
 * server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
 *     .body(contract.spec().operation("drives_list").exampleResponse().body()).build());
 * client.drives().list().execute();
 * contract.assertNoViolations();
 * }</pre>
 *
 * <p>Every operation a request is matched to counts for {@link ContractCoverage}.
 */
public class ContractDispatcher extends QueueDispatcher {
  private static final class Entry {
    final MockResponse response;
    final boolean checkResponse;

    Entry(MockResponse response, boolean checkResponse) {
      this.response = response;
      this.checkResponse = checkResponse;
    }
  }

  private static final Entry CLOSED = new Entry(new MockResponse.Builder().code(503)
      .addHeader("Connection", "close").build(), false);

  private final ContractValidator validator;
  private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
  private final List<Violation> violations = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> exercised = ConcurrentHashMap.newKeySet();

  /** @param spec the spec every exchange must conform to */
  public ContractDispatcher(ApiSpec spec) {
    this.validator = ContractValidator.of(spec);
  }

  /** {@return the spec} */
  public ApiSpec spec() {
    return validator.spec();
  }

  /** Serves {@code response} to the next request; both are checked against the spec. */
  @Override
  public void enqueue(MockResponse response) {
    queue.add(new Entry(response, true));
  }

  /**
   * Serves a response that deliberately breaks the spec (to show the client copes); the request is still checked.
   *
   * @param response the response
   */
  public void enqueueUnchecked(MockResponse response) {
    queue.add(new Entry(response, false));
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    Entry entry = queue.take();
    if (entry == CLOSED) {
      queue.add(CLOSED);
      return entry.response;
    }
    boolean cut = entry.response.getOnResponseStart() != null || entry.response.getOnResponseBody() != null;
    check(request, entry.checkResponse && !cut ? entry.response : null);
    return entry.response;
  }

  /**
   * Checks one exchange and records the outcome; for dispatchers that choose responses themselves.
   *
   * @param request the request received
   * @param response the response about to be served, or {@code null} to check the request only
   * @return the outcome
   */
  public ContractValidator.Result check(RecordedRequest request, MockResponse response) {
    ContractValidator.Result result = validator.validate(request, response);
    result.operation().ifPresent(op -> {
      exercised.add(op.operationId());
      ContractCoverage.record(spec(), op.operationId());
    });
    violations.addAll(result.violations());
    return result;
  }

  @Override
  public MockResponse peek() {
    Entry entry = queue.peek();
    return entry == null ? super.peek() : entry.response;
  }

  @Override
  public void clear() {
    queue.clear();
  }

  @Override
  public void close() {
    queue.add(CLOSED);
  }

  /** {@return the violations so far} */
  public List<Violation> violations() {
    synchronized (violations) {
      return new ArrayList<>(violations);
    }
  }

  void clearViolations() {
    violations.clear();
  }

  /** {@return the operationIds requests were matched to so far} */
  public Set<String> exercisedOperationIds() {
    return Set.copyOf(exercised);
  }

  /**
   * Fails with every violation so far (operation, side, field), then forgets them.
   *
   * @throws ContractViolationError when there was any
   */
  public void assertNoViolations() {
    List<Violation> found;
    synchronized (violations) {
      found = new ArrayList<>(violations);
      violations.clear();
    }
    if (!found.isEmpty()) {
      throw new ContractViolationError(spec(), found);
    }
  }
}
