package dev.mergesdk.filestorage;

import static org.junit.jupiter.api.Assertions.*;

import dev.mergesdk.core.Download;
import dev.mergesdk.filestorage.model.Drive;
import dev.mergesdk.filestorage.model.File;
import dev.mergesdk.filestorage.model.FileExpand;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void endToEnd() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{\"next\":\"c2\",\"previous\":null,\"results\":[{\"id\":\"d1\",\"name\":\"A\",\"created_at\":\"2024-01-01T00:00:00Z\"}]}").build());
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{\"next\":null,\"results\":[{\"id\":\"d2\",\"created_at\":\"2024-01-01T00:00:00.123456Z\",\"brand_new\":{\"x\":1}}]}").build());
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{\"id\":\"f1\",\"kind\":\"Z\",\"size\":5,\"field_mappings\":{\"a\":[1]}}").build());
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/pdf").body("hello").build());
      server.enqueue(new MockResponse.Builder().code(404).addHeader("X-Request-Id", "rid").body("{\"detail\":\"Not found.\"}").build());
      try (FileStorageClient client = FileStorageClient.builder().apiKey("sk_test").accountToken("acct")
          .baseUrl(server.url("/api/filestorage/v1").toString()).build()) {
        List<Drive> drives = client.drives().list(DrivesApi.ListParams.builder().pageSize(1).build()).stream().collect(Collectors.toList());
        assertEquals(2, drives.size());
        assertEquals(1, drives.get(1).unknownFields().getAsJsonObject("brand_new").get("x").getAsInt());
        RecordedRequest r1 = server.takeRequest();
        RecordedRequest r2 = server.takeRequest();
        assertEquals("/api/filestorage/v1/drives?page_size=1", r1.getTarget());
        assertEquals("/api/filestorage/v1/drives?page_size=1&cursor=c2", r2.getTarget());
        assertEquals("Bearer sk_test", r2.getHeaders().get("Authorization"));
        assertEquals("acct", r2.getHeaders().get("X-Account-Token"));
        File f = client.files().retrieve("a/b", FilesApi.RetrieveParams.builder().expand(FileExpand.DRIVE, FileExpand.FOLDER).build()).execute();
        assertEquals(File.KindEnum.UNKNOWN_DEFAULT_OPEN_API, f.getKind());
        assertEquals("Z", f.unknownFields().get("kind").getAsString());
        assertEquals("/api/filestorage/v1/files/a%2Fb?expand=drive,folder", server.takeRequest().getTarget());
        try (Download d = client.files().download("f1").execute()) {
          assertEquals("hello", new String(d.inputStream().readAllBytes()));
        }
        server.takeRequest();
        dev.mergesdk.core.NotFoundException e = assertThrows(dev.mergesdk.core.NotFoundException.class, () -> client.files().retrieve("x").execute());
        System.out.println(e.getMessage());
        assertEquals("rid", e.requestId().orElse(null));
        System.out.println(server.takeRequest().getHeaders());
      }
    }
  }
}
