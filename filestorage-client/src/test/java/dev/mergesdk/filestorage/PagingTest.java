package dev.mergesdk.filestorage;

import static dev.mergesdk.filestorage.TestClients.assertAccountToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mergesdk.core.PagedCall;
import dev.mergesdk.filestorage.model.File;
import dev.mergesdk.filestorage.model.FileExpand;
import dev.mergesdk.filestorage.model.PaginatedFileList;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import dev.mergesdk.testkit.RecordedCall;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Auto-paging follows the next cursor lazily and repeats every filter of the first request. */
class PagingTest {
  private static final String FILTERS = "expand=drive,folder&modified_after=2024-01-01T00%3A00%3A00Z&page_size=2";

  @RegisterExtension final MergeMock server = TestClients.mock();
  private final FileStorageClient client = TestClients.client(server);

  @Test
  void autoPageFollowsNextCursorsWithTheSameFiltersAndFetchesLazily() {
    server.enqueueFixture(200, "paging_files_page1");
    server.enqueueFixture(200, "paging_files_page2");
    server.enqueueFixture(200, "paging_files_page3");

    Iterator<File> files = listCall().autoPage().iterator();
    List<String> names = new ArrayList<>();
    names.add(files.next().getName());
    assertEquals(1, server.requestCount(), "the second page is fetched only when needed");
    files.forEachRemaining(f -> names.add(f.getName()));

    assertEquals(List.of("a.txt", "b.txt", "c.txt", "d.txt", "e.txt"), names);
    assertEquals(3, server.requestCount());
    assertPageRequest("/files?" + FILTERS, null);
    assertPageRequest("/files?" + FILTERS + "&cursor=cursor-page-2", "cursor-page-2");
    assertPageRequest("/files?" + FILTERS + "&cursor=cursor-page-3", "cursor-page-3");
  }

  @Test
  void pagesAndStreamWalkTheSamePages() {
    server.enqueueFixture(200, "paging_files_page1");
    server.enqueueFixture(200, "paging_files_page2");
    server.enqueueFixture(200, "paging_files_page3");
    server.enqueueFixture(200, "paging_files_page1");
    server.enqueueFixture(200, "paging_files_page2");
    server.enqueueFixture(200, "paging_files_page3");

    List<String> cursors = new ArrayList<>();
    for (PaginatedFileList page : listCall().pages()) {
      cursors.add(page.getNext());
    }
    List<String> ids = listCall().stream().map(File::getId).collect(Collectors.toList());

    assertEquals(java.util.Arrays.asList("cursor-page-2", "cursor-page-3", null), cursors);
    assertEquals(5, ids.size());
    assertFalse(ids.contains(null));
    for (int walk = 0; walk < 2; walk++) {
      assertPageRequest("/files?" + FILTERS, null);
      assertPageRequest("/files?" + FILTERS + "&cursor=cursor-page-2", "cursor-page-2");
      assertPageRequest("/files?" + FILTERS + "&cursor=cursor-page-3", "cursor-page-3");
    }
  }

  private PagedCall<PaginatedFileList, File> listCall() {
    return client.files().list(FilesApi.ListParams.builder()
        .expand(FileExpand.DRIVE, FileExpand.FOLDER)
        .modifiedAfter(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
        .pageSize(2)
        .build());
  }

  private void assertPageRequest(String target, String cursor) {
    RecordedCall request = server.takeRequest("GET", target);
    assertAccountToken(request);
    assertEquals(cursor, request.queryParameter("cursor"));
  }
}
