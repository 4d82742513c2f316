package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.mergesdk.core.MergeException;
import dev.mergesdk.core.MergeTimeoutException;
import dev.mergesdk.core.NetworkException;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.core.ServerException;
import dev.mergesdk.filestorage.DrivesApi;
import dev.mergesdk.filestorage.FileStorageClient;
import dev.mergesdk.filestorage.model.Drive;
import dev.mergesdk.filestorage.model.PaginatedDriveList;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit as a user of the File Storage client would use it. */
class FileStorageMockTest {
  @RegisterExtension
  static MergeMock fs = MergeMock.fileStorage();

  private FileStorageClient client = FileStorageClient.builder().apiKey("k").accountToken("t")
      .baseUrl(fs.baseUrl()).retryPolicy(RetryPolicy.none()).build();

  static String id(int n) {
    return String.format("00000000-0000-4000-8000-%012d", n);
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void answersWithTheSpecExampleWhenNothingIsStubbed() {
    PaginatedDriveList page = client.drives().list().execute();

    String exampleFirstId = JsonParser.parseString(fs.spec().operation("drives_list").exampleResponse().body())
        .getAsJsonObject().getAsJsonArray("results").get(0).getAsJsonObject().get("id").getAsString();
    assertEquals(exampleFirstId, page.getResults().get(0).getId());
    RecordedCall call = fs.lastRequest();
    assertEquals("drives_list", call.operationId());
    assertEquals("/drives", call.path());
    assertEquals("Bearer k", call.header("Authorization"));
    assertEquals("t", call.header("X-Account-Token"));
  }

  @Test
  void autoPagingWalksStubbedCursorPages() {
    List<String> expected = List.of(id(1), id(2), id(3), id(4), id(5));
    fs.stub("drives_list").respondPages(expected.stream().map(id -> "{\"id\":\"" + id + "\",\"name\":\"Drive\"}")
        .collect(Collectors.joining(",", "[", "]")), 3);

    List<String> ids = client.drives().list(DrivesApi.ListParams.builder().pageSize(2).build()).stream()
        .map(Drive::getId).collect(Collectors.toList());

    assertEquals(expected, ids);
    List<RecordedCall> calls = fs.requests("drives_list");
    assertEquals(3, calls.size());
    assertEquals(null, calls.get(0).queryParameter("cursor"));
    assertEquals("2", calls.get(1).queryParameter("page_size"), "filters are kept while paging");
    assertFalse(calls.get(2).queryParameter("cursor").isEmpty());
  }

  @Test
  void retriesAThrottledCallAfterRetryAfter() {
    try (FileStorageClient retrying = FileStorageClient.builder().apiKey("k").accountToken("t")
        .baseUrl(fs.baseUrl()).retryPolicy(RetryPolicy.builder().maxAttempts(3)
            .initialBackoff(Duration.ofMillis(1)).build()).build()) {
      fs.injectFault(Fault.rateLimited(Duration.ZERO)).injectFault(Fault.status(503));

      assertFalse(retrying.drives().list().execute().getResults().isEmpty());
      assertEquals(3, fs.requests("drives_list").size());
    }
  }

  @Test
  void serverErrorsTimeoutsAndCutBodiesSurfaceAsTypedExceptions() {
    fs.injectFault(Fault.serverError());
    assertThrows(ServerException.class, () -> client.drives().list().execute());

    try (FileStorageClient impatient = FileStorageClient.builder().apiKey("k").accountToken("t")
        .baseUrl(fs.baseUrl()).retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofMillis(200)).build()) {
      fs.injectFault(Fault.slowHeaders(Duration.ofSeconds(2)));
      assertThrows(MergeTimeoutException.class, () -> impatient.drives().list().execute());
    }

    fs.stub("drives_list").fault(Fault.disconnectMidBody()).respondExample();
    MergeException cut = assertThrows(MergeException.class, () -> client.drives().list().execute());
    assertTrue(cut instanceof NetworkException || cut.getClass().getSimpleName().equals("DecodeException"),
        cut.toString());
    assertFalse(client.drives().list().execute().getResults().isEmpty(), "the stub's next answer is the example");
  }

  @Test
  void aRequestThatBreaksTheSpecFailsNamingTheOperationAndTheField() {
    try (FileStorageClient noToken = FileStorageClient.builder().apiKey("k").baseUrl(fs.baseUrl())
        .retryPolicy(RetryPolicy.none()).build()) {
      assertThrows(MergeException.class, () -> noToken.drives().list().execute(), "answered 400");
    }

    ContractViolationError e = assertThrows(ContractViolationError.class, fs::assertNoViolations);
    assertTrue(e.getMessage().contains("drives_list GET /api/filestorage/v1/drives: request:"), e.getMessage());
    assertTrue(e.getMessage().contains("X-Account-Token"), e.getMessage());
  }

  @Test
  void aStubThatBreaksTheSpecIsReported() {
    fs.stub("drives_list").respondJson(200, "{\"next\":null,\"results\":[{\"id\":\"" + id(1) + "\",\"name\":5}]}");
    client.drives().list().execute();

    ContractViolationError e = assertThrows(ContractViolationError.class, fs::assertNoViolations);
    assertTrue(e.getMessage().contains("drives_list GET /api/filestorage/v1/drives: response:"), e.getMessage());
    assertTrue(e.getMessage().contains("/results/0/name"), e.getMessage());
  }
}
