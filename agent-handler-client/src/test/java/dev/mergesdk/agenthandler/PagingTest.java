package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mergesdk.agenthandler.model.PaginatedRegisteredUserList;
import dev.mergesdk.agenthandler.model.RegisteredUser;
import dev.mergesdk.agenthandler.model.ToolCallLog;
import dev.mergesdk.core.PagedCall;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Walking every page: numbered pages for management lists, cursors for the logs. */
class PagingTest {
  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @Test
  void autoPagingRequestsPageTwoThenThreeWithTheSameFiltersUntilNextIsNull() {
    server.enqueueFixture(200, "registeredUsers_list.page1");
    server.enqueueFixture(200, "registeredUsers_list.page2");
    server.enqueueFixture(200, "registeredUsers_list.page3");
    PagedCall<PaginatedRegisteredUserList, RegisteredUser> call = client.registeredUsers()
        .list(RegisteredUsersApi.ListParams.builder().isTest(true).pageSize(2).build());

    Iterator<RegisteredUser> users = call.autoPage().iterator();
    List<String> names = new ArrayList<>();
    names.add(users.next().getOriginUserName());
    names.add(users.next().getOriginUserName());
    int requestsAfterFirstPage = server.requestCount();
    users.forEachRemaining(user -> names.add(user.getOriginUserName()));

    assertEquals(1, requestsAfterFirstPage, "the next page is fetched only when needed");
    assertEquals(List.of("Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov"), names);
    server.takeRequest("GET", "/registered-users/?is_test=true&page_size=2");
    server.takeRequest("GET", "/registered-users/?is_test=true&page_size=2&page=2");
    server.takeRequest("GET", "/registered-users/?is_test=true&page_size=2&page=3");
    assertEquals(3, server.requestCount());
  }

  @Test
  void pagesYieldsEachPageWithItsCount() {
    server.enqueueFixture(200, "registeredUsers_list.page1");
    server.enqueueFixture(200, "registeredUsers_list.page2");
    server.enqueueFixture(200, "registeredUsers_list.page3");

    List<Integer> sizes = new ArrayList<>();
    for (PaginatedRegisteredUserList page : client.registeredUsers().list().pages()) {
      assertEquals(5, page.getCount());
      sizes.add(page.getResults().size());
    }

    assertEquals(List.of(2, 2, 1), sizes);
    server.takeRequest("GET", "/registered-users/");
    server.takeRequest("GET", "/registered-users/?page=2");
    server.takeRequest("GET", "/registered-users/?page=3");
  }

  @Test
  void logPagingPassesNextCursorBackAsCursorWithTheSameFiltersUntilHasMoreIsFalse() {
    server.enqueueFixture(200, "logs_listToolCalls.page1");
    server.enqueueFixture(200, "logs_listToolCalls.page2");
    server.enqueueFixture(200, "logs_listToolCalls.page3");

    List<String> ids = client.logs()
        .listToolCalls(LogsApi.ListToolCallsParams.builder().connectorId("slack").pageSize(2).build())
        .stream().map(ToolCallLog::getId).collect(Collectors.toList());

    assertEquals(List.of("tc_0001", "tc_0002", "tc_0003", "tc_0004"), ids);
    server.takeRequest("GET", "/logs/tool-calls/?connector_id=slack&page_size=2");
    server.takeRequest("GET", "/logs/tool-calls/?connector_id=slack&page_size=2&cursor=cur_A1");
    server.takeRequest("GET", "/logs/tool-calls/?connector_id=slack&page_size=2&cursor=cur_B2");
    assertEquals(3, server.requestCount());
  }

  @Test
  void aSinglePageListStopsAfterOneRequest() {
    server.enqueueFixture(200, "toolPacks_list");

    List<String> names = client.toolPacks().list().stream().map(p -> p.getName()).collect(Collectors.toList());

    assertEquals(List.of("Support agent"), names);
    server.takeRequest("GET", "/tool-packs/");
    assertEquals(1, server.requestCount());
  }
}
