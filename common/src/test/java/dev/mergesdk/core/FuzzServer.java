package dev.mergesdk.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A server that answers every request with 200 and the current fuzzed JSON body, and the loop that feeds a list of
 * mutations through a real client call. Shared with the client modules' fixture fuzzing.
 */
public final class FuzzServer implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final AtomicReference<byte[]> body = new AtomicReference<>(new byte[0]);

  /** Starts the server. */
  public FuzzServer() {
    server.setServerSocketFactory(NoDelayServerSockets.FACTORY);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body(new Buffer().write(body.get())).build();
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param path e.g. {@code /api/filestorage/v1/}
   * @return the base URL to build the client with
   */
  public String url(String path) {
    return server.url(path).toString();
  }

  /** @param json what every request is answered with from now on */
  public void serve(byte[] json) {
    body.set(json);
  }

  /**
   * Serves each mutation in turn to {@code call}. A decoded result (its toString()) and every DecodeException go
   * to the guard; anything else that comes out, Errors included, is reported.
   *
   * @param mutations the bodies
   * @param call executes one operation against this server
   * @param guard collects what a caller could print
   * @return one line per mutation that ended in anything but success or a DecodeException
   */
  public List<String> unexpectedOutcomes(List<JsonMutator.Mutation> mutations, Callable<?> call, SecretGuard guard) {
    List<String> unexpected = new ArrayList<>();
    for (int i = 0; i < mutations.size(); i++) {
      JsonMutator.Mutation m = mutations.get(i);
      body.set(m.body());
      try {
        guard.check(call.call());
      } catch (DecodeException expected) {
        guard.check(expected);
      } catch (Throwable t) {
        unexpected.add("mutation #" + i + " (" + m + ") -> " + t);
      }
    }
    return unexpected;
  }

  /** @return the next request the server received, or null if none arrived within a second */
  public RecordedRequest takeRequest() {
    try {
      return server.takeRequest(1, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
