package dev.mergesdk.filestorage;

import dev.mergesdk.core.ApiDescriptor;
import dev.mergesdk.core.ClientRuntime;
import dev.mergesdk.core.MergeClientBuilder;
import dev.mergesdk.core.Region;
import java.io.Closeable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entry point to Merge File Storage. Build one per API key and share it: it is thread-safe, holds the
 * connection pool, and should be closed when the application stops.
 *
 * <pre>{@code
 * try (FileStorageClient client = FileStorageClient.builder()
 *     .apiKey(System.getenv("MERGE_API_KEY"))
 *     .accountToken(System.getenv("MERGE_ACCOUNT_TOKEN"))
 *     .build()) {
 *   for (File file : client.files().list().autoPage()) {
 *     System.out.println(file.getName());
 *   }
 * }
 * }</pre>
 *
 * <p>Every operation group ({@code files()}, {@code folders()}, {@code drives()}, ...) is generated from
 * {@code spec/filestorage.yaml}.
 */
public final class FileStorageClient extends ApiClient implements Closeable {
  /** The API's base URL in each region it is served in. */
  static final ApiDescriptor API;

  static {
    Map<Region, String> urls = new LinkedHashMap<>();
    urls.put(Region.US, "https://api.merge.dev/api/filestorage/v1/");
    urls.put(Region.EU, "https://api-eu.merge.dev/api/filestorage/v1/");
    urls.put(Region.APAC, "https://api-ap.merge.dev/api/filestorage/v1/");
    API = ApiDescriptor.of("Merge File Storage", urls);
  }

  private final ClientRuntime runtime;

  private FileStorageClient(ClientRuntime runtime) {
    super(runtime.retrofit());
    this.runtime = runtime;
  }

  /** @return a builder; {@code apiKey} is required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Requests by path, for endpoints the spec does not describe yet, with this client's key, region, retries,
   * errors and logging. Paths are resolved against {@link #baseUrl()} and may not lead anywhere else.
   *
   * @return the raw requests of this client
   */
  public dev.mergesdk.core.RawApi raw() {
    return runtime.raw();
  }

  /** @return the base URL requests go to */
  public String baseUrl() {
    return runtime.baseUrl();
  }

  /** Releases the connection pool and threads (unless the caller supplied the OkHttp client). */
  @Override
  public void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return runtime.toString();
  }

  /** Builds a {@link FileStorageClient}. */
  public static final class Builder extends MergeClientBuilder<Builder> {
    private String accountToken;

    private Builder() {
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * @param accountToken the linked account's token, sent as {@code X-Account-Token} on every request; calls
     *     can override it with {@code RequestOptions}
     * @return this builder
     */
    public Builder accountToken(String accountToken) {
      if (accountToken == null) {
        throw new NullPointerException("accountToken must not be null");
      }
      if (accountToken.isBlank()) {
        throw new IllegalArgumentException("accountToken must not be blank");
      }
      if (accountToken.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw new IllegalArgumentException("accountToken must not contain line breaks or control characters");
      }
      this.accountToken = accountToken;
      return this;
    }

    /**
     * @return the client
     * @throws IllegalStateException when no API key was set
     */
    public FileStorageClient build() {
      return new FileStorageClient(buildRuntime(API, accountToken));
    }
  }
}
