package dev.mergesdk.filestorage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mergesdk.filestorage.model.PatchedEditFieldMappingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** A missing required argument is reported by name when the call is built, before anything is sent. */
class RequiredArgumentsFailFastTest {
  @RegisterExtension final FileStorageTestServer server = new FileStorageTestServer();

  @Test
  void nullPathParametersFailBeforeAnyRequestNamingTheParameter() {
    FileStorageClient client = server.client();

    assertFails(NullPointerException.class, "id must not be null", () -> client.files().retrieve(null));
    assertFails(NullPointerException.class, "id must not be null", () -> client.files().download(null));
    assertFails(NullPointerException.class, "fieldMappingId must not be null",
        () -> client.fieldMappings().partialUpdate(null, new PatchedEditFieldMappingRequest()));
    assertFails(NullPointerException.class, "fieldMappingId must not be null", () -> client.fieldMappings().delete(null));
    assertFails(NullPointerException.class, "publicToken must not be null", () -> client.accountToken().retrieve(null));
    assertFails(NullPointerException.class, "asyncPassthroughReceiptId must not be null",
        () -> client.asyncPassthrough().retrieve(null));

    assertEquals(0, server.requestCount());
  }

  @Test
  void blankPathParametersAndNullBodiesFailBeforeAnyRequest() {
    FileStorageClient client = server.client();

    assertFails(IllegalArgumentException.class, "id must not be blank", () -> client.drives().retrieve(" "));
    assertFails(IllegalArgumentException.class, "id must not be '.' or '..'", () -> client.users().retrieve(".."));
    assertFails(NullPointerException.class, "request must not be null", () -> client.files().create(null));
    assertFails(NullPointerException.class, "request must not be null", () -> client.linkToken().create(null));

    assertEquals(0, server.requestCount());
  }

  private static void assertFails(Class<? extends RuntimeException> type, String message, Executable call) {
    RuntimeException e = assertThrows(type, call);
    assertEquals(message, e.getMessage());
  }
}
