package dev.mergesdk.benchmarks;

import dev.mergesdk.core.internal.CursorPage;
import dev.mergesdk.core.PagedCall;
import dev.mergesdk.filestorage.FileStorageClient;
import dev.mergesdk.filestorage.FilesApi;
import dev.mergesdk.filestorage.model.File;
import dev.mergesdk.filestorage.model.PaginatedFileList;

/** The one list operation every benchmark exercises, and its page model. */
final class Sdk {
  /** The generated page model both contenders decode into. */
  static final Class<PaginatedFileList> PAGE = PaginatedFileList.class;
  /** The path segment of the list operation. */
  static final String LIST_PATH = "files";

  private Sdk() {
  }

  /** @return {@code GET /files?page_size=100}: one page of {@link Pages#PAGE_SIZE} files */
  static PagedCall<PaginatedFileList, File> list(FileStorageClient client) {
    return client.files().list(FilesApi.ListParams.builder().pageSize(Pages.PAGE_SIZE).build());
  }

  /** @return an item's name, so a walk touches every item it is handed */
  static String name(Object item) {
    String name = ((File) item).getName();
    return name == null ? "" : name;
  }

  /** @return the page's next cursor, or null on the last page */
  static String next(Object page) {
    return ((CursorPage<?>) page).getNext();
  }
}
