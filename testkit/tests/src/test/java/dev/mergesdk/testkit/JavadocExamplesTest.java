package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.core.WebhookSignatureException;
import dev.mergesdk.filestorage.FileStorageClient;
import dev.mergesdk.filestorage.FileStorageWebhooks;
import dev.mergesdk.filestorage.model.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every code example in the testkit's Javadoc, compiled and run: each {@code <pre>{@code ...}</pre>} block of the
 * testkit's sources must be found verbatim (up to whitespace) in this file, where it runs.
 */
class JavadocExamplesTest {
  private static final Path SOURCES = Path.of("..", "src", "main", "java", "dev", "mergesdk", "testkit");
  private static final Path THIS_TEST = Path.of("src", "test", "java", "dev", "mergesdk", "testkit",
      "JavadocExamplesTest.java");
  private static final Pattern EXAMPLE = Pattern.compile("<pre>\\{@code\\n(.*?)\\}</pre>", Pattern.DOTALL);

  // MergeMock's class Javadoc:
  @RegisterExtension
  static MergeMock fileStorage = MergeMock.fileStorage();

  @Test
  void listsTheFilesOfALinkedAccount() {
    ExampleJson file = fileStorage.exampleItem("files_list");
    fileStorage.stub("files_list").respondPages(List.of(
        file.with("id", ExampleJson.uuid(1)), file.with("id", ExampleJson.uuid(2))), 2);
    try (FileStorageClient client = FileStorageClient.builder().apiKey("test-key").accountToken("test-account")
        .baseUrl(fileStorage.baseUrl()).build()) {
      assertEquals(2, client.files().list().stream().count());
    }
    assertEquals("test-account", fileStorage.lastRequest().header("X-Account-Token"));
  }

  /** MergeMock's class Javadoc, its second example: a scripted exchange. */
  @Nested
  class ScriptedExchange {
    @RegisterExtension
    final MergeMock fileStorage = MergeMock.fileStorage().fixtures("/fixtures/filestorage/").requireEveryRequestTaken();

    @Test
    void aDriveIsFetchedById() {
      fileStorage.enqueueFixture(200, "drives_retrieve");
      try (FileStorageClient client = FileStorageClient.builder().apiKey("test-key").accountToken("test-account")
          .baseUrl(fileStorage.baseUrl()).build()) {
        client.drives().retrieve(ExampleJson.uuid(1)).execute();
      }
      fileStorage.takeRequestWithoutBody("GET", "/drives/" + ExampleJson.uuid(1));
    }
  }

  @Test
  void exampleJsonAndStubRespondExample() {
    // ExampleJson's class Javadoc (its first line is Stub.respondExample's):
    fileStorage.stub("files_retrieve").respondExample(file -> file.with("name", "Q3 report.pdf").without("size"));

    ExampleJson file = fileStorage.exampleItem("files_list");
    fileStorage.stub("files_list").respondPages(List.of(
        file.with("id", ExampleJson.uuid(1)).with("name", "a.pdf"),
        file.with("id", ExampleJson.uuid(2)).with("name", "b.pdf")), 2);

    try (FileStorageClient client = FileStorageClient.builder().apiKey("test-key").accountToken("test-account")
        .baseUrl(fileStorage.baseUrl()).retryPolicy(RetryPolicy.none()).build()) {
      File retrieved = client.files().retrieve(ExampleJson.uuid(9)).execute();
      assertEquals("Q3 report.pdf", retrieved.getName());
      assertNull(retrieved.getSize());
      assertEquals(List.of("a.pdf", "b.pdf"), client.files().list().stream().map(File::getName)
          .collect(Collectors.toList()));
    }
  }

  @Test
  void contractDispatcherOnAServerOfYourOwn() throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      try (FileStorageClient client = FileStorageClient.builder().apiKey("test-key").accountToken("test-account")
          .baseUrl(server.url("/api/filestorage/v1/").toString()).retryPolicy(RetryPolicy.none()).build()) {
        // ContractDispatcher's class Javadoc:
        ContractDispatcher contract = new ContractDispatcher(ApiSpec.fileStorage());
        server.setDispatcher(contract);
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body(contract.spec().operation("drives_list").exampleResponse().body()).build());
        client.drives().list().execute();
        contract.assertNoViolations();

        assertEquals(List.of("drives_list"), List.copyOf(contract.exercisedOperationIds()));
      }
    }
  }

  private static final String SIGNATURE_KEY = "test-signature-key";

  /** A user's webhook endpoint, as the webhook examples call it. */
  private static final class Endpoint {
    int handle(Map<String, String> headers, byte[] body) {
      try {
        FileStorageWebhooks.verifyAndParse(SIGNATURE_KEY, body, headers.get(FileStorageWebhooks.SIGNATURE_HEADER));
        return 200;
      } catch (WebhookSignatureException e) {
        return 401;
      }
    }
  }

  private final Endpoint myEndpoint = new Endpoint();

  @Test
  void webhookDeliveriesToAnEndpoint() throws Exception {
    // Webhooks' class Javadoc:
    String body = Webhooks.fileStorageEnvelope("File.changed", "{\"name\":\"Q1.pdf\"}");
    WebhookDelivery delivery = Webhooks.fileStorage(SIGNATURE_KEY, body);
    assertEquals(200, delivery.deliverTo(myEndpoint::handle));
  }

  @Test
  void aForgedWebhookDeliveryIsRefused() throws Exception {
    String fileJson = "{\"name\":\"Q1.pdf\"}";
    // WebhookDelivery's class Javadoc:
    WebhookDelivery delivery = Webhooks.fileStorage(SIGNATURE_KEY,
        Webhooks.fileStorageEnvelope("File.changed", fileJson));
    assertEquals(200, delivery.deliverTo(myEndpoint::handle));
    assertEquals(401, delivery.withBody("{\"forged\":true}").deliverTo(myEndpoint::handle));
  }

  @Test
  void everyJavadocExampleOfTheTestkitIsRunHere() throws IOException {
    String here = normalized(Files.readString(THIS_TEST));
    List<String> examples = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path source : files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
        Matcher m = EXAMPLE.matcher(Files.readString(source));
        while (m.find()) {
          String example = normalized(m.group(1).replaceAll("(?m)^\\s*\\*", ""));
          examples.add(source.getFileName() + ": " + example);
          if (!here.contains(example)) {
            missing.add(source.getFileName() + ": " + example);
          }
        }
      }
    }
    assertTrue(examples.size() >= 6, "MergeMock's, ContractDispatcher's, ExampleJson's, Stub's, Webhooks' and"
        + " WebhookDelivery's: " + examples);
    assertEquals(List.of(), missing, "Javadoc examples not run by this test");
  }

  private static String normalized(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }
}
