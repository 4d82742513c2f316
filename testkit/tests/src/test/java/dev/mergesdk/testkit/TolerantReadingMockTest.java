package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonPrimitive;
import dev.mergesdk.core.CallInfo;
import dev.mergesdk.core.CallListener;
import dev.mergesdk.core.DecodeAnomaly;
import dev.mergesdk.core.DecodeException;
import dev.mergesdk.filestorage.FileStorageClient;
import dev.mergesdk.filestorage.model.File;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A page whose items break the spec in the ways real servers do (Merge's older spec sends a lone permission where the
 * newer one has a list) is read whole by default, each anomaly reported; strict decoding refuses it. The testkit
 * reports the stub as breaking the spec either way.
 */
class TolerantReadingMockTest {
  private static final String PAGE = "{\"next\":null,\"previous\":null,\"results\":["
      + "{\"id\":\"6c1f0000-0000-4000-8000-000000000001\",\"name\":\"a.pdf\",\"size\":\"large\","
      + "\"permissions\":\"e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a805\"},"
      + "{\"id\":\"6c1f0000-0000-4000-8000-000000000002\",\"name\":\"b.pdf\",\"size\":20,\"permissions\":[]}]}";

  @RegisterExtension
  final MergeMock fs = MergeMock.fileStorage().allowViolations();

  @Test
  void aMisShapedItemKeepsItsPageAndEveryAnomalyIsReported() {
    fs.stub("files_list").respondJson(200, PAGE);
    List<DecodeAnomaly> anomalies = new ArrayList<>();
    List<File> files = new ArrayList<>();
    try (FileStorageClient client = FileStorageClient.builder().apiKey("k").accountToken("t").baseUrl(fs.baseUrl())
        .callListener(new CallListener() {
          @Override
          public void decodeAnomaly(CallInfo call, DecodeAnomaly anomaly) {
            anomalies.add(anomaly);
          }
        }).build()) {
      client.files().list().autoPage().forEach(files::add);
    }
    assertEquals(List.of("a.pdf", "b.pdf"), files.stream().map(File::getName).collect(Collectors.toList()));
    File first = files.get(0);
    assertEquals("e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a805", first.getPermissions().get(0).id());
    assertNull(first.getSize());
    assertEquals(new JsonPrimitive("large"), first.unknownFields().get("size"));
    assertEquals(20L, files.get(1).getSize());
    assertEquals(List.of("$.results[0].size of File: expected Long, found string (FIELD_UNSET)",
        "$.results[0].permissions of File: expected List<Expandable<Permission>>, found string (WRAPPED_IN_ARRAY)"),
        anomalies.stream().map(DecodeAnomaly::toString).collect(Collectors.toList()));
    assertTrue(fs.violations().stream().allMatch(v -> v.side().equals("response")), fs.violations().toString());
    assertTrue(fs.violations().size() >= 2, fs.violations().toString());
  }

  @Test
  void strictDecodingRefusesTheSamePage() {
    fs.stub("files_list").respondJson(200, PAGE);
    try (FileStorageClient client = FileStorageClient.builder().apiKey("k").accountToken("t").baseUrl(fs.baseUrl())
        .strictDecoding(true).build()) {
      DecodeException e = assertThrows(DecodeException.class, () -> client.files().list().execute());
      assertTrue(e.getMessage().startsWith("cannot decode PaginatedFileList from GET"), e.getMessage());
    }
  }
}
