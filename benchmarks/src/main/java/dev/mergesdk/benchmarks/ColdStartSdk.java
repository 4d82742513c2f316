package dev.mergesdk.benchmarks;

import dev.mergesdk.filestorage.FileStorageClient;
import dev.mergesdk.filestorage.FilesApi;
import dev.mergesdk.filestorage.model.PaginatedFileList;
import java.time.Instant;

/**
 * Figure 8, the SDK's contender: a fresh JVM that builds a client and makes one list call against the suite's
 * loopback server, as an application's first call would, then reports when it returned. Started by
 * {@link BenchmarkSuite} (which notes the time right before starting the process); it uses nothing else of this
 * module, so the classes it loads are the SDK's and its dependencies' only. Prints {@code cold.<key>=<value>}.
 */
public final class ColdStartSdk {
  private ColdStartSdk() {
  }

  /**
   * @param args none; {@code -Dbench.port} names the loopback server
   */
  public static void main(String[] args) {
    long mainNanos = System.nanoTime();
    Instant mainAt = Instant.now();
    String base = "http://127.0.0.1:" + Integer.getInteger("bench.port") + "/fixed/";
    FileStorageClient client = FileStorageClient.builder()
        .apiKey("bench_api_key_0123456789").accountToken("bench_account_token_0123456789").baseUrl(base).build();
    long builtNanos = System.nanoTime();
    PaginatedFileList page = client.files().list(FilesApi.ListParams.builder().pageSize(100).build()).execute();
    long doneNanos = System.nanoTime();
    Instant doneAt = Instant.now();
    ColdStart.report(mainAt, doneAt, builtNanos - mainNanos, doneNanos - mainNanos, page.getResults().size());
    client.close();
  }
}
