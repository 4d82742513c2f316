package dev.mergesdk.core.internal;

import dev.mergesdk.core.RequestOptions;
import java.io.Closeable;
import retrofit2.Retrofit;

/**
 * The HTTP stack of one client, as the generated entry classes see it: Retrofit wired to the SDK's call adapter
 * and converters over OkHttp with the SDK's interceptors. Thread-safe; closed with the client. Not part of the
 * SDK's API.
 */
public interface ClientRuntime extends Closeable {
  /** {@return the Retrofit instance the generated operation groups are created from} */
  Retrofit retrofit();

  /** {@return requests by path, for what the spec does not describe yet, on this runtime} */
  dev.mergesdk.core.RawApi raw();

  /** {@return the base URL requests are resolved against} */
  String baseUrl();

  /**
   * Scrubs text the server sent of the client's secrets and those of {@code options}, and of control characters,
   * for messages built outside the call pipeline (such as JSON-RPC errors).
   *
   * @param untrusted text from the server
   * @param options the options of the call it came from
   * @return the text, safe to show
   */
  String scrub(String untrusted, RequestOptions options);

  /**
   * Releases threads and pooled connections if the SDK created the HTTP client; a caller-supplied client is left
   * running, since the caller owns it.
   */
  @Override
  void close();
}
