package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The runtime's decoding under fuzzed bodies, through the test API: whatever the server sends with a 200, the only
 * exception a caller can see is {@link DecodeException}. The client modules run the same against every fixture.
 */
class DecodeFuzzTest {
  static final long SEED = 20261122L;
  private static final String THING = "{\"id\":\"t-1\",\"name\":\"Q3 report\",\"status\":\"ACTIVE\","
      + "\"created_at\":\"2024-05-01T10:00:00.123456Z\",\"owner\":{\"id\":\"u-1\",\"name\":\"Ann\",\"owner\":\"u-0\"},"
      + "\"remote_data\":{\"raw\":[1,2,{\"x\":null}],\"flag\":true}}";
  private static final String PAGE = "{\"next\":\"c2\",\"results\":[" + THING + "," + THING.replace("t-1", "t-2") + "]}";

  private static List<String> undecodableOutcomes(List<JsonMutator.Mutation> mutations, Function<TestClient, Object> call) {
    try (SecretGuard guard = SecretGuard.startQuiet(); FuzzServer server = new FuzzServer();
        TestClient client = TestClient.builder().apiKey(SecretGuard.API_KEY).accountToken(SecretGuard.ACCOUNT_TOKEN)
            .baseUrl(server.url("/api/")).retryPolicy(RetryPolicy.none()).logger(guard.logger()).build()) {
      return server.unexpectedOutcomes(mutations, () -> call.apply(client), guard);
    }
  }

  @Test
  void mutationsAreReproducibleFromTheSeed() {
    byte[] fixture = THING.getBytes(StandardCharsets.UTF_8);
    List<JsonMutator.Mutation> a = JsonMutator.mutations(fixture, SEED, 50);
    List<JsonMutator.Mutation> b = JsonMutator.mutations(fixture, SEED, 50);
    assertEquals(50, a.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).kind(), b.get(i).kind());
      assertArrayEquals(a.get(i).body(), b.get(i).body());
    }
    assertTrue(a.stream().map(JsonMutator.Mutation::kind).anyMatch(k -> k.startsWith("invalid UTF-8")));
    assertTrue(a.stream().map(JsonMutator.Mutation::kind).anyMatch(k -> k.contains("nested")));
  }

  @Test
  void aFuzzedModelBodyEitherDecodesOrIsADecodeException() {
    List<JsonMutator.Mutation> mutations = JsonMutator.mutations(THING.getBytes(StandardCharsets.UTF_8), SEED, 400);
    assertEquals(List.of(), undecodableOutcomes(mutations, c -> c.api.get("1").execute()));
  }

  @Test
  void aFuzzedPageBodyEitherDecodesOrIsADecodeException() {
    List<JsonMutator.Mutation> mutations = JsonMutator.mutations(PAGE.getBytes(StandardCharsets.UTF_8), SEED + 1, 400);
    assertEquals(List.of(), undecodableOutcomes(mutations, c -> c.api.listByCursor(null, null).execute()));
  }
}
