package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mergesdk.agenthandler.AgentHandlerClient;
import dev.mergesdk.agenthandler.ToolPacksApi;
import dev.mergesdk.agenthandler.model.ToolPack;
import dev.mergesdk.core.PermissionException;
import dev.mergesdk.core.RateLimitException;
import dev.mergesdk.core.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit as a user of the Agent Handler client would use it: an instance field, a server per test. */
class AgentHandlerMockTest {
  @RegisterExtension
  final MergeMock ah = MergeMock.agentHandler();

  private AgentHandlerClient client() {
    return AgentHandlerClient.builder().apiKey("k").baseUrl(ah.baseUrl()).retryPolicy(RetryPolicy.none()).build();
  }

  @Test
  void autoPagingFollowsNumberedPageUrls() {
    StringBuilder items = new StringBuilder("[");
    for (int i = 1; i <= 7; i++) {
      items.append(i > 1 ? "," : "").append("{\"id\":\"").append(FileStorageMockTest.id(i))
          .append("\",\"name\":\"Pack ").append(i).append("\",\"description\":\"d\",\"connectors\":[]}");
    }
    ah.stub("toolPacks_list").respondPages(items.append(']').toString(), 3);

    List<String> ids = new ArrayList<>();
    try (AgentHandlerClient client = client()) {
      for (ToolPack pack : client.toolPacks().list(ToolPacksApi.ListParams.builder().pageSize(3).build()).autoPage()) {
        ids.add(pack.getId());
      }
    }

    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      expected.add(FileStorageMockTest.id(i));
    }
    assertEquals(expected, ids);
    List<RecordedCall> calls = ah.requests("toolPacks_list");
    assertEquals(3, calls.size());
    assertNull(calls.get(0).queryParameter("page"));
    assertEquals("2", calls.get(1).queryParameter("page"));
    assertEquals("3", calls.get(2).queryParameter("page"));
    assertEquals("3", calls.get(2).queryParameter("page_size"));
  }

  @Test
  void examplesStubsAndFaults() {
    try (AgentHandlerClient client = client()) {
      assertFalse(client.toolPacks().list().execute().getResults().isEmpty(), "the spec's example");

      ah.stub("toolPacks_list").respondJson(403, "{\"error\":{\"type\":\"permission_error\","
          + "\"code\":\"insufficient_scope\",\"message\":\"No.\"}}");
      assertThrows(PermissionException.class, () -> client.toolPacks().list().execute());

      ah.injectFault(Fault.rateLimited(Duration.ofSeconds(7)));
      RateLimitException limited = assertThrows(RateLimitException.class, () -> client.toolPacks().list().execute());
      assertEquals(Duration.ofSeconds(7), limited.retryAfter().orElse(null));
      assertEquals(3, ah.requests().size());
    }
  }
}
