package dev.mergesdk.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * What a {@link MergeMock} answers for one operation. Each {@code respond...}/{@code fault} call adds an answer;
 * calls get them in order and the last one repeats, so
 * {@code stub.fault(Fault.rateLimited(Duration.ofSeconds(1))).respondExample()} throttles the first call and
 * answers every later one. Stubbed responses are checked against the spec.
 */
public final class Stub {
  /** One planned answer. */
  static final class Answer {
    final boolean checked;
    private final java.util.function.Function<RecordedRequest, MockResponse> make;

    Answer(boolean checked, java.util.function.Function<RecordedRequest, MockResponse> make) {
      this.checked = checked;
      this.make = make;
    }

    MockResponse make(RecordedRequest request) {
      return make.apply(request);
    }
  }

  private final SpecOperation operation;
  private final List<Answer> answers = new ArrayList<>();
  private int served;

  Stub(SpecOperation operation) {
    this.operation = operation;
  }

  /** {@return the operation stubbed} */
  public SpecOperation operation() {
    return operation;
  }

  /**
   * @param status HTTP status
   * @param json the JSON body
   * @return this stub
   */
  public Stub respondJson(int status, String json) {
    return respond(status, "application/json", json);
  }

  /**
   * @param status HTTP status
   * @param contentType the {@code Content-Type}, or {@code null} for none
   * @param body the body
   * @return this stub
   */
  public Stub respond(int status, String contentType, String body) {
    MockResponse.Builder b = new MockResponse.Builder().code(status).body(body);
    if (contentType != null) {
      b.addHeader("Content-Type", contentType);
    }
    MockResponse response = b.build();
    return add(new Answer(true, r -> response));
  }

  /**
   * @param response a hand-built response (headers, throttling...); still checked against the spec
   * @return this stub
   */
  public Stub respond(MockResponse response) {
    return add(new Answer(true, r -> response));
  }

  /** {@return this stub, answering with the spec's example (what an unstubbed operation answers)} */
  public Stub respondExample() {
    return add(new Answer(true, r -> MergeMock.defaultResponse(operation, r)));
  }

  /**
   * Answers with the spec's example for the operation, changed: what the test is about is stated, the rest stays
   * valid.
   *
   * <pre>{@code
   * fileStorage.stub("files_retrieve").respondExample(file -> file.with("name", "Q3 report.pdf").without("size"));
   * }</pre>
   *
   * @param change what to change in the example (see {@link ExampleJson#with})
   * @return this stub
   * @throws IllegalArgumentException when the operation does not answer JSON
   */
  public Stub respondExample(UnaryOperator<ExampleJson> change) {
    ExampleJson changed = Objects.requireNonNull(change.apply(operation.exampleJson()), "change returned null");
    return respondJson(operation.exampleResponse().status(), changed.toJson());
  }

  /**
   * Serves items built from the spec's example ({@link MergeMock#exampleItem}) as {@code pageCount} pages, as
   * {@link #respondPages(String, int)} does.
   *
   * @param items the items, in order
   * @param pageCount how many pages
   * @return this stub
   */
  public Stub respondPages(List<ExampleJson> items, int pageCount) {
    return respondPages(items.stream().map(ExampleJson::toJson).collect(Collectors.joining(",", "[", "]")), pageCount);
  }

  /**
   * Serves {@code items} as {@code pageCount} pages in the API's paging shape; each page is chosen by the request's
   * {@code cursor} or {@code page} parameter, so the client's own paging walks them.
   *
   * @param itemsJsonArray the items, as a JSON array
   * @param pageCount how many pages
   * @return this stub
   * @throws IllegalArgumentException when the operation is not a paged list
   */
  public Stub respondPages(String itemsJsonArray, int pageCount) {
    if (operation.paging() == SpecOperation.Paging.NONE) {
      throw new IllegalArgumentException(operation + " is not a paged list");
    }
    Pages pages = Pages.of(operation.paging(), itemsJsonArray, pageCount);
    return add(new Answer(true, r -> new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json").body(pages.body(r)).build()));
  }

  /**
   * @param fault a failure, applied to the spec's example response
   * @return this stub
   */
  public Stub fault(Fault fault) {
    return add(new Answer(false, r -> fault.apply(MergeMock.defaultResponse(operation, r))));
  }

  private synchronized Stub add(Answer answer) {
    answers.add(answer);
    return this;
  }

  synchronized Answer next() {
    if (answers.isEmpty()) {
      return new Answer(true, r -> MergeMock.defaultResponse(operation, r));
    }
    Answer answer = answers.get(Math.min(served, answers.size() - 1));
    served++;
    return answer;
  }
}
