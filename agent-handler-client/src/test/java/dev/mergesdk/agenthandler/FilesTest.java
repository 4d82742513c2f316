package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mergesdk.agenthandler.model.FileReservation;
import dev.mergesdk.agenthandler.model.FileReserveRequest;
import dev.mergesdk.agenthandler.model.FileUploadResult;
import dev.mergesdk.core.Download;
import dev.mergesdk.core.RequestOptions;
import dev.mergesdk.core.Upload;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import mockwebserver3.MockResponse;
import dev.mergesdk.testkit.RecordedCall;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FilesTest {
  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @Test
  void reserveSendsNameTypeAndSizeAndDecodesTheUploadTarget() {
    server.enqueueFixture(201, "files_reserve");

    FileReservation reservation = client.files().reserve(new FileReserveRequest()
        .filename("q1-report.pdf").contentType("application/pdf").sizeBytes(48213)).execute();

    server.takeJsonRequest("POST", "/files/",
        "{\"filename\": \"q1-report.pdf\", \"content_type\": \"application/pdf\", \"size_bytes\": 48213}");
    assertEquals("fr_8Hq2LmX0", reservation.getFileReference());
    assertEquals("PUT", reservation.getUpload().getMethod());
    assertEquals("https://ah-api.merge.dev/api/v1/files/fr_8Hq2LmX0/upload/", reservation.getUpload().getUrl());
    assertEquals(52428800, reservation.getMaxSizeBytes());
    assertEquals(OffsetDateTime.parse("2026-03-05T11:00:00Z"), reservation.getExpiresAt());
  }

  @Test
  void uploadPutsTheRawBytesAsOctetStream() {
    server.enqueueFixture(200, "files_upload");
    byte[] bytes = "%PDF-1.7 quarterly report".getBytes(StandardCharsets.US_ASCII);

    FileUploadResult result = client.files()
        .upload("fr_8Hq2LmX0", Upload.fromStream(new ByteArrayInputStream(bytes), bytes.length, null)).execute();

    RecordedCall request = server.takeRequest("PUT", "/files/fr_8Hq2LmX0/upload/");
    assertEquals("application/octet-stream", request.header("Content-Type"));
    assertEquals(String.valueOf(bytes.length), request.header("Content-Length"));
    assertArrayEquals(bytes, request.bodyBytes());
    assertEquals(48213, result.getSizeBytes());
    assertEquals("fr_8Hq2LmX0", result.getFileReference());
  }

  @Test
  void downloadStreamsTheFileAndPassesARangeHeaderFromRequestOptions() throws Exception {
    byte[] part = "first kilobyte".getBytes(StandardCharsets.US_ASCII);
    server.enqueue(new MockResponse.Builder().code(206)
        .addHeader("Content-Type", "application/pdf")
        .addHeader("Content-Range", "bytes 0-13/48213")
        .addHeader("Content-Disposition", "attachment; filename=\"q1-report.pdf\"")
        .body(new okio.Buffer().write(part))
        .build());

    try (Download download = client.files().download("dl_55TgQ")
        .with(RequestOptions.builder().header("Range", "bytes=0-13").build()).execute()) {
      RecordedCall request = server.takeRequestWithoutBody("GET", "/files/dl_55TgQ/download/");
      assertEquals("bytes=0-13", request.header("Range"));
      assertEquals("application/pdf", download.contentType().orElseThrow());
      assertEquals("q1-report.pdf", download.fileName().orElseThrow());
      assertEquals(part.length, download.contentLength());
      assertArrayEquals(part, download.inputStream().readAllBytes());
    }
  }
}
