package dev.mergesdk.filestorage;

import static dev.mergesdk.filestorage.TestClients.assertAccountToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.filestorage.model.File;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Date-times decode with or without fractional seconds and with any offset; nullable fields accept null. */
class DatesAndNullsDecodeTest {
  private static final String FILE_ID = "d4c3b2a1-9f8e-4d7c-b6a5-4f3e2d1c0b04";

  @RegisterExtension final MergeMock server = TestClients.mock();
  private final FileStorageClient client = TestClients.client(server);

  @Test
  void dateTimesWithAndWithoutFractionalSecondsDecode() {
    server.enqueueFixture(200, "dates_and_nulls_file");

    File file = client.files().retrieve(FILE_ID).execute();
    assertAccountToken(server.takeRequest("GET", "/files/" + FILE_ID));

    assertEquals(OffsetDateTime.of(2024, 3, 2, 11, 0, 0, 0, ZoneOffset.UTC), file.getCreatedAt());
    assertEquals(OffsetDateTime.of(2024, 3, 6, 16, 20, 0, 123_456_000, ZoneOffset.UTC), file.getModifiedAt());
    assertEquals(OffsetDateTime.of(2024, 1, 15, 9, 0, 0, 500_000_000, ZoneOffset.ofHours(2)), file.getRemoteCreatedAt());
  }

  @Test
  void nullableFieldsAcceptNull() {
    server.enqueueFixture(200, "dates_and_nulls_file");

    File file = client.files().retrieve(FILE_ID).execute();
    assertAccountToken(server.takeRequest("GET", "/files/" + FILE_ID));

    assertNull(file.getRemoteId());
    assertNull(file.getName());
    assertNull(file.getFileUrl());
    assertNull(file.getSize());
    assertNull(file.getMimeType());
    assertNull(file.getFolder());
    assertNull(file.getDrive());
    assertNull(file.getRemoteUpdatedAt());
    assertNull(file.getRemoteData());
    // Free-form JSON fields keep an explicit null as JSON null rather than dropping it.
    assertTrue(file.getChecksum().isJsonNull());
    assertTrue(file.getFieldMappings().isJsonNull());
    assertTrue(file.getPermissions().isEmpty());
    assertFalse(file.getRemoteWasDeleted());
    assertEquals(0, file.unknownFields().size());
  }
}
