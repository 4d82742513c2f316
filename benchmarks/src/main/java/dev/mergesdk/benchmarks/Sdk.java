package dev.mergesdk.benchmarks;

import dev.mergesdk.core.CursorPage;
import dev.mergesdk.core.PagedCall;
import dev.mergesdk.filestorage.DrivesApi;
import dev.mergesdk.filestorage.FileStorageClient;
import dev.mergesdk.filestorage.model.Drive;
import dev.mergesdk.filestorage.model.PaginatedDriveList;

/** The one list operation every benchmark exercises, and its page model. */
final class Sdk {
  /** The generated page model both contenders decode into. */
  static final Class<PaginatedDriveList> PAGE = PaginatedDriveList.class;
  /** The path segment of the list operation. */
  static final String LIST_PATH = "drives";

  private Sdk() {
  }

  /** @return the list call for one page of {@link Pages#PAGE_SIZE} items */
  static PagedCall<PaginatedDriveList, Drive> list(FileStorageClient client) {
    return client.drives().list(DrivesApi.ListParams.builder().pageSize(Pages.PAGE_SIZE).build());
  }

  /** @return an item's name, so a walk touches every item it is handed */
  static String name(Object item) {
    String name = ((Drive) item).getName();
    return name == null ? "" : name;
  }

  /** @return the page's next cursor, or null on the last page */
  static String next(Object page) {
    return ((CursorPage<?>) page).getNext();
  }
}
