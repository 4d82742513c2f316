package dev.mergesdk.filestorage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.core.FuzzServer;
import dev.mergesdk.core.GeneratedOperations;
import dev.mergesdk.core.OperationSweeps;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.core.SecretGuard;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input across every generated operation, found by reflection so none is left out as the spec grows: each
 * required argument is refused when null, by a NullPointerException naming it, before anything is sent; and a path
 * argument full of {@code /}, {@code ..}, {@code ?}, {@code #}, {@code %} and non-ASCII stays inside its own
 * segment.
 */
class EveryOperationTest {
  private static final Map<String, GeneratedOperations.Operation> OPERATIONS = GeneratedOperations.of(FileStorageClient.class);

  @Test
  void everyRequiredArgumentOfEveryOperationIsRefusedWhenNullNamingIt() {
    try (SecretGuard guard = SecretGuard.start(); FuzzServer server = new FuzzServer();
        FileStorageClient client = FileStorageClient.builder().apiKey(SecretGuard.API_KEY).accountToken(SecretGuard.ACCOUNT_TOKEN)
            .baseUrl(server.url("/api/filestorage/v1/")).logger(guard.logger()).build()) {
      assertTrue(OPERATIONS.size() > 10, OPERATIONS.size() + " operations found");
      assertEquals(List.of(), OperationSweeps.requiredArgumentsNotCheckedForNull(client, OPERATIONS));
      assertEquals(null, server.takeRequest(), "nothing was sent");
    }
  }

  @Test
  void aHostilePathArgumentStaysInItsOwnSegmentInEveryOperation() {
    try (SecretGuard guard = SecretGuard.start(); FuzzServer server = new FuzzServer();
        FileStorageClient client = FileStorageClient.builder().apiKey(SecretGuard.API_KEY).accountToken(SecretGuard.ACCOUNT_TOKEN)
            .baseUrl(server.url("/api/filestorage/v1/")).retryPolicy(RetryPolicy.none()).logger(guard.logger()).build()) {
      assertEquals(List.of(), OperationSweeps.pathArgumentsEscapingTheirSegment(client, OPERATIONS, server));
    }
  }
}
