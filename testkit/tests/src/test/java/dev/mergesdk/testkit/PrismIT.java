package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mergesdk.agenthandler.AgentHandlerClient;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.filestorage.FileStorageClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Drives every GET operation of both clients through Stoplight Prism mocking the specs (started by
 * {@code .ci/prism-check}, which passes {@code -Dprism.filestorage.url} and {@code -Dprism.agent-handler.url}).
 * The operations come from the spec; each is matched to its generated client method and called with the spec's
 * example values for its required parameters ({@link ClientOperations}). Prism answers a request that breaks the
 * spec with an error (or flags it in {@code sl-violations}), and serves the spec's examples, which the client must
 * decode: either fails the test, naming the operation.
 */
class PrismIT {
  private final List<String> violations = new CopyOnWriteArrayList<>();

  private static String url(String property) {
    String url = System.getProperty(property);
    assertNotNull(url, "-D" + property + " is not set: run this through .ci/prism-check");
    return url;
  }

  private OkHttpClient http() {
    return new OkHttpClient.Builder().addInterceptor(chain -> {
      okhttp3.Response response = chain.proceed(chain.request());
      String header = response.header("sl-violations");
      if (header != null && !header.isEmpty()) {
        violations.add(chain.request().method() + " " + chain.request().url().encodedPath() + ": " + header);
      }
      return response;
    }).build();
  }

  @Test
  void everyFileStorageReadOperation() {
    try (FileStorageClient client = FileStorageClient.builder().apiKey("prism-key").accountToken("prism-token")
        .baseUrl(url("prism.filestorage.url")).retryPolicy(RetryPolicy.none()).httpClient(http()).build()) {
      drive(ApiSpec.fileStorage(), client);
    }
  }

  @Test
  void everyAgentHandlerReadOperation() {
    try (AgentHandlerClient client = AgentHandlerClient.builder().apiKey("prism-key")
        .baseUrl(url("prism.agent-handler.url")).retryPolicy(RetryPolicy.none()).httpClient(http()).build()) {
      drive(ApiSpec.agentHandler(), client);
    }
  }

  private void drive(ApiSpec spec, Object client) {
    List<String> failures = new ArrayList<>();
    int driven = 0;
    for (ClientOperations.Bound op : ClientOperations.bind(spec, client)) {
      if (!op.operation.method().equals("GET")) {
        continue;
      }
      driven++;
      int before = violations.size();
      try {
        op.call();
      } catch (RuntimeException e) {
        failures.add(op + ": " + e);
      }
      for (String v : violations.subList(before, violations.size())) {
        failures.add(op + ": Prism reports " + v);
      }
    }
    System.out.println("[prism] " + spec.title() + ": " + driven + " GET operation(s) driven through Prism, "
        + failures.size() + " failure(s)");
    assertFalse(driven == 0, "no GET operation in " + spec);
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + driven + " GET operations of " + spec.title() + " failed against Prism:\n  - "
          + String.join("\n  - ", failures));
    }
  }
}
