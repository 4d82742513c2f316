package dev.mergesdk.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParser;
import dev.mergesdk.agenthandler.AgentHandlerClient;
import dev.mergesdk.agenthandler.model.RegisteredUser;
import dev.mergesdk.agenthandler.model.RegisteredUserCreate;
import dev.mergesdk.agenthandler.model.ToolPack;
import dev.mergesdk.agenthandler.model.UserType;
import dev.mergesdk.core.NotFoundException;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.filestorage.FileStorageClient;
import dev.mergesdk.filestorage.FilesApi;
import dev.mergesdk.filestorage.model.File;
import dev.mergesdk.filestorage.model.FileStorageFolderEndpointRequest;
import dev.mergesdk.filestorage.model.FileStorageFolderResponse;
import dev.mergesdk.filestorage.model.FolderRequest;
import dev.mergesdk.testkit.MergeMock;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Both clients and the testkit, on the Gson, kotlin-stdlib (OkHttp's), Jackson (the testkit's validator), SLF4J
 * and JUnit versions Spring Boot's BOM chose over the SDK's: each call encodes, sends, decodes and maps errors.
 */
class SpringBootVersionsTest {
  private static final String FILE_ID = "6c1f0000-0000-4000-8000-000000000001";

  @RegisterExtension
  final MergeMock fs = MergeMock.fileStorage();

  @RegisterExtension
  final MergeMock ah = MergeMock.agentHandler();

  private FileStorageClient fileStorage() {
    return FileStorageClient.builder().apiKey("k").accountToken("t").baseUrl(fs.baseUrl())
        .retryPolicy(RetryPolicy.none()).build();
  }

  private AgentHandlerClient agentHandler() {
    return AgentHandlerClient.builder().apiKey("k").baseUrl(ah.baseUrl()).retryPolicy(RetryPolicy.none()).build();
  }

  @Test
  void filesAreListedAndDecodedAcrossPages() {
    fs.stub("files_list").respondPages("[{\"id\":\"" + FILE_ID + "\",\"name\":\"a.pdf\",\"size\":10},"
        + "{\"id\":\"6c1f0000-0000-4000-8000-000000000002\",\"name\":\"b.pdf\"}]", 2);

    try (FileStorageClient client = fileStorage()) {
      List<File> files = client.files().list(FilesApi.ListParams.builder().pageSize(1).build()).stream()
          .collect(Collectors.toList());

      assertEquals(List.of("a.pdf", "b.pdf"), files.stream().map(File::getName).collect(Collectors.toList()));
      assertEquals(10L, files.get(0).getSize());
    }
    assertEquals(2, fs.requests("files_list").size());
  }

  @Test
  void aFolderIsCreatedFromATypedRequest() {
    try (FileStorageClient client = fileStorage()) {
      FileStorageFolderResponse created = client.folders().create(new FileStorageFolderEndpointRequest()
          .model(new FolderRequest().name("Quarterly reports"))).execute();

      assertNotNull(created.getModel().getId());
    }
    assertEquals("Quarterly reports", JsonParser.parseString(fs.lastRequest().body())
        .getAsJsonObject().getAsJsonObject("model").get("name").getAsString());
  }

  @Test
  void anErrorResponseBecomesATypedException() {
    fs.stub("files_retrieve").respondJson(404, "{\"detail\":\"Not found.\"}");

    try (FileStorageClient client = fileStorage()) {
      NotFoundException e = assertThrows(NotFoundException.class, () -> client.files().retrieve(FILE_ID).execute());

      assertEquals(404, e.statusCode());
    }
  }

  @Test
  void aRegisteredUserIsCreatedAndToolPacksAreListed() {
    try (AgentHandlerClient client = agentHandler()) {
      RegisteredUser user = client.registeredUsers().create(new RegisteredUserCreate().originUserId("user-4821")
          .originUserName("Ada Lovelace").userType(UserType.HUMAN)).execute();
      List<ToolPack> packs = client.toolPacks().list().stream().collect(Collectors.toList());

      assertNotNull(user.getId());
      assertFalse(packs.isEmpty());
    }
    assertEquals("HUMAN", JsonParser.parseString(ah.requests("registeredUsers_create").get(0).body())
        .getAsJsonObject().get("user_type").getAsString());
  }
}
