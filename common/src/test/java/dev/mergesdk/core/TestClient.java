package dev.mergesdk.core;

import dev.mergesdk.core.internal.ClientRuntime;

import dev.mergesdk.core.internal.ApiDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;

/** A client entry point for {@link TestApi}, built exactly as the real clients are. */
final class TestClient implements AutoCloseable {
  static final ApiDescriptor US_EU_ONLY;

  static {
    Map<Region, String> urls = new LinkedHashMap<>();
    urls.put(Region.US, "https://us.example.test/api/");
    urls.put(Region.EU, "https://eu.example.test/api/");
    US_EU_ONLY = ApiDescriptor.of("Test API", urls);
  }

  final ClientRuntime runtime;
  final TestApi api;

  private TestClient(ClientRuntime runtime) {
    this.runtime = runtime;
    this.api = runtime.retrofit().create(TestApi.class);
  }

  static Builder builder() {
    return new Builder();
  }

  @Override
  public void close() {
    runtime.close();
  }

  static final class Builder extends MergeClientBuilder<Builder> {
    private String accountToken;
    private boolean openOperations;

    @Override
    protected Builder self() {
      return this;
    }

    Builder accountToken(String token) {
      this.accountToken = token;
      return this;
    }

    /** Describes the API as one with operations that need no credential, as Agent Handler's descriptor does. */
    Builder openOperations() {
      this.openOperations = true;
      return this;
    }

    TestClient build() {
      return new TestClient(buildRuntime(openOperations ? US_EU_ONLY.withOpenOperations() : US_EU_ONLY, accountToken));
    }
  }
}
