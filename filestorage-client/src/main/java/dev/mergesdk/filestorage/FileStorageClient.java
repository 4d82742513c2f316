package dev.mergesdk.filestorage;

import dev.mergesdk.core.internal.Checks;
import dev.mergesdk.core.internal.ClientRuntime;
import dev.mergesdk.core.MergeClientBuilder;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

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
 * <p>Every operation group ({@code files()}, {@code folders()}, {@code drives()}, ...), the regions and
 * {@code baseUrl()}, {@code close()} and {@code toString()} are generated from {@code spec/filestorage.yaml}.
 */
@NullMarked
public final class FileStorageClient extends ApiClient {
  private FileStorageClient(ClientRuntime runtime) {
    super(runtime);
  }

  /** {@return a builder; {@code apiKey} is required} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FileStorageClient}. */
  public static final class Builder extends MergeClientBuilder<Builder> {
    private @Nullable String accountToken;

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
      this.accountToken = Checks.headerValue(accountToken, "accountToken");
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
