package dev.mergesdk.filestorage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import dev.mergesdk.core.JsonMutator;
import dev.mergesdk.core.WebhookPayloadException;
import dev.mergesdk.core.WebhookSignatureException;
import dev.mergesdk.core.WebhookSignatureException.Reason;
import dev.mergesdk.filestorage.model.AccountDetails;
import dev.mergesdk.filestorage.model.Drive;
import dev.mergesdk.filestorage.model.File;
import dev.mergesdk.filestorage.model.Folder;
import dev.mergesdk.filestorage.model.Group;
import dev.mergesdk.filestorage.model.Issue;
import dev.mergesdk.filestorage.model.IssueStatus;
import dev.mergesdk.filestorage.model.User;
import dev.mergesdk.testkit.ApiSpec;
import dev.mergesdk.testkit.MergeMock;
import dev.mergesdk.testkit.WebhookDelivery;
import dev.mergesdk.testkit.Webhooks;
import io.swagger.v3.core.util.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Deliveries signed as Merge signs them (by the testkit, independently of the SDK) verify and decode into the SDK's
 * models; tampered, unsigned or mis-signed ones are refused; events the SDK does not know keep their data raw.
 */
class FileStorageWebhooksTest {
  /** Reads the module's response fixtures (the mock is never started). */
  private static final MergeMock FIXTURES = MergeMock.fileStorage().fixtures("/fixtures/filestorage/");

  private static final String KEY = "test-webhook-signature-key";
  private static final long FUZZ_SEED = 20261202L;
  private static final int FUZZ_MUTATIONS = Integer.getInteger("merge.fuzz.mutations", 40);

  private static String fileJson() {
    return FIXTURES.fixture("files_retrieve");
  }

  @Test
  void aSignedFileChangedDeliveryVerifiesAndDecodesIntoTheFileModel() {
    WebhookDelivery delivery = Webhooks.fileStorage(KEY, Webhooks.fileStorageEnvelope("File.changed", fileJson()));

    FileStorageWebhookEvent event = FileStorageWebhooks.verifyAndParse(KEY, delivery.body(),
        delivery.header(FileStorageWebhooks.SIGNATURE_HEADER));

    assertEquals("File.changed", event.event());
    assertEquals(Webhooks.HOOK_ID, event.hook().getId());
    assertEquals(Webhooks.HOOK_TARGET, event.hook().getTarget());
    AccountDetails account = event.linkedAccount().orElseThrow();
    assertEquals(Webhooks.LINKED_ACCOUNT_ID, account.getId());
    assertEquals("google-drive", account.getIntegrationSlug());
    File file = assertInstanceOf(File.class, event.data());
    assertEquals("Q1 roadmap.pdf", file.getName());
    assertEquals(254321L, file.getSize().longValue());
    assertEquals("Planning", file.getFolder().expanded().orElseThrow().getName(), "expanded references decode too");
    assertEquals(file, event.data(File.class).orElseThrow());
    assertTrue(event.data(Folder.class).isEmpty());
    assertEquals(JsonParser.parseString(fileJson()), event.rawData());
  }

  @TestFactory
  Stream<DynamicTest> everyTypedEventDecodesIntoItsModel() {
    Map<String, Class<?>> typed = new LinkedHashMap<>();
    Map<String, Class<?>> models = Map.of("File", File.class, "Folder", Folder.class, "Drive", Drive.class,
        "Group", Group.class, "User", User.class);
    models.forEach((name, type) -> List.of("added", "changed", "removed").forEach(a -> typed.put(name + "." + a, type)));
    typed.put("Issue.created", Issue.class);
    typed.put("Issue.resolved", Issue.class);
    typed.put("LinkedAccount.linked", AccountDetails.class);
    return typed.entrySet().stream().map(entry -> dynamicTest(entry.getKey(), () -> {
      String body = Webhooks.fileStorageEnvelope(entry.getKey(), "{\"id\": \"5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c10\"}");

      FileStorageWebhookEvent event = FileStorageWebhooks.verifyAndParse(KEY, body, Webhooks.sign(KEY, body));

      assertInstanceOf(entry.getValue(), event.data());
      assertTrue(event.data(entry.getValue()).isPresent());
    }));
  }

  @Test
  void anIssueEventCarriesTheIssue() {
    String body = Webhooks.fileStorageEnvelope("Issue.resolved", FIXTURES.fixture("issues_retrieve"));

    Issue issue = FileStorageWebhooks.verifyAndParse(KEY, body, Webhooks.sign(KEY, body)).data(Issue.class).orElseThrow();

    assertEquals(IssueStatus.RESOLVED, issue.getStatus());
    assertEquals("Missing Permissions", issue.getErrorDescription());
  }

  @Test
  void eventsTheSdkDoesNotTypeKeepTheirDataAsRawJsonAndNeverFail() {
    String data = "{\"sync_status\": {\"model_name\": \"File\", \"status\": [1, 2]}, \"name\": {\"odd\": true}}";
    for (String name : List.of("LinkedAccount.synced", "LinkedAccount.fully_synced_initial", "AsyncPassthrough.completed",
        "File.synced", "Widget.exploded", "no-dot-at-all")) {
      String body = Webhooks.fileStorageEnvelope(name, data);

      FileStorageWebhookEvent event = FileStorageWebhooks.verifyAndParse(KEY, body, Webhooks.sign(KEY, body));

      assertEquals(name, event.event());
      assertEquals(JsonParser.parseString(data), event.data(), name);
      assertEquals(JsonParser.parseString(data), event.rawData(), name);
      assertTrue(event.data(File.class).isEmpty(), name);
    }
  }

  @Test
  void membersTheSdkDoesNotKnowAreKeptInTheEnvelopeAndTheModel() {
    String body = Webhooks.fileStorageEnvelope("File.added", "{\"name\": \"a.txt\", \"ai_summary\": \"short\"}")
        .replaceFirst("\\{", "{\"delivery_attempt\": 2, ");

    FileStorageWebhookEvent event = FileStorageWebhooks.verifyAndParse(KEY, body, Webhooks.sign(KEY, body));

    assertEquals(2, event.envelope().unknownFields().get("delivery_attempt").getAsInt());
    assertEquals("short", event.data(File.class).orElseThrow().unknownFields().get("ai_summary").getAsString());
  }

  @Test
  void aDeliveryWithoutDataOrLinkedAccountStillParses() {
    String body = "{\"hook\": {\"id\": \"h1\", \"event\": \"File.removed\", \"target\": \"https://x.example\"}}";

    FileStorageWebhookEvent event = FileStorageWebhooks.parse(body);

    assertEquals(JsonNull.INSTANCE, event.data());
    assertTrue(event.data(File.class).isEmpty());
    assertTrue(event.linkedAccount().isEmpty());
  }

  @Test
  void theSignatureIsAcceptedPaddedUnpaddedAndInTheStandardAlphabet() throws Exception {
    String body = Webhooks.fileStorageEnvelope("File.changed", fileJson());
    byte[] mac = Base64.getUrlDecoder().decode(Webhooks.sign(KEY, body));
    for (String signature : List.of(Base64.getUrlEncoder().encodeToString(mac),
        Base64.getUrlEncoder().withoutPadding().encodeToString(mac), Base64.getEncoder().encodeToString(mac),
        Base64.getEncoder().withoutPadding().encodeToString(mac))) {
      FileStorageWebhooks.verify(KEY, body, signature);
      FileStorageWebhooks.verify(KEY, body.getBytes(StandardCharsets.UTF_8), signature);
    }
  }

  @Test
  void tamperedUnsignedAndMisSignedDeliveriesAreRefusedWithTheirReason() {
    WebhookDelivery delivery = Webhooks.fileStorage(KEY, Webhooks.fileStorageEnvelope("File.changed", fileJson()));
    Map<WebhookDelivery, Reason> refused = new LinkedHashMap<>();
    refused.put(delivery.withBody(delivery.bodyText().replace("Q1 roadmap", "Q2 roadmap")), Reason.MISMATCH);
    refused.put(delivery.withSignature(Webhooks.sign("another-organisation-key", delivery.bodyText())), Reason.MISMATCH);
    refused.put(delivery.withoutSignature(), Reason.MISSING);
    refused.put(delivery.withSignature(Webhooks.signHex(KEY, delivery.bodyText())), Reason.MALFORMED);
    List<String> messages = new ArrayList<>();
    refused.forEach((d, reason) -> {
      WebhookSignatureException e = assertThrows(WebhookSignatureException.class,
          () -> FileStorageWebhooks.verifyAndParse(KEY, d.body(), d.header(FileStorageWebhooks.SIGNATURE_HEADER)));
      assertEquals(reason, e.reason(), d.toString());
      assertTrue(e.getMessage().contains("X-Merge-Webhook-Signature"), e.getMessage());
      messages.add(e.getMessage());
    });
    for (String message : messages) {
      assertFalse(message.contains(KEY), message);
      assertFalse(message.contains(delivery.signature().substring(0, 16)), message);
    }
  }

  @Test
  void bodiesThatAreNoEnvelopeOrWhoseTypedDataDoesNotFitAreTypedFailures() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("{\"hook\": ", "the webhook body is not JSON: ");
    cases.put("[1, 2]", "the webhook body is not a JSON object");
    cases.put("{\"data\": {}}", "the webhook body has no hook.event: not a Merge File Storage webhook");
    cases.put("{\"hook\": {\"event\": \" \"}}", "the webhook body has no hook.event: not a Merge File Storage webhook");
    cases.put("{\"hook\": \"File.changed\"}", "the webhook envelope does not have the expected shape: ");
    cases.put(Webhooks.fileStorageEnvelope("File.changed", "\"d4c3b2a1\""),
        "the data of File.changed is not a JSON object (a File was expected)");
    cases.put(Webhooks.fileStorageEnvelope("Folder.added", "{\"size\": {\"bytes\": 3}}"),
        "the data of Folder.added does not fit Folder: ");
    cases.forEach((body, message) -> {
      WebhookPayloadException e = assertThrows(WebhookPayloadException.class,
          () -> FileStorageWebhooks.verifyAndParse(KEY, body, Webhooks.sign(KEY, body)), body);
      assertTrue(e.getMessage().startsWith(message), e.getMessage());
    });
  }

  @TestFactory
  Stream<DynamicTest> mutatedDeliveriesParseOrFailWithWebhookPayloadExceptionOnly() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("File.changed", fileJson());
    data.put("Issue.created", FIXTURES.fixture("issues_retrieve"));
    data.put("LinkedAccount.linked", FIXTURES.fixture("accountDetails_retrieve"));
    data.put("Widget.exploded", fileJson());
    return data.entrySet().stream().map(entry -> dynamicTest(entry.getKey(), () -> {
      byte[] envelope = Webhooks.fileStorageEnvelope(entry.getKey(), entry.getValue()).getBytes(StandardCharsets.UTF_8);
      long seed = FUZZ_SEED ^ entry.getKey().hashCode();
      List<String> unexpected = new ArrayList<>();
      for (JsonMutator.Mutation mutation : JsonMutator.mutations(envelope, seed, FUZZ_MUTATIONS)) {
        try {
          FileStorageWebhooks.verifyAndParse(KEY, mutation.body(), Webhooks.sign(KEY, mutation.body()));
        } catch (WebhookPayloadException expected) {
          // the one failure a signed but mis-shaped body may cause
        } catch (RuntimeException | StackOverflowError e) {
          unexpected.add(mutation.kind() + " -> " + e);
        }
      }
      assertEquals(List.of(), unexpected, "seed " + seed);
    }));
  }

  @Test
  void badArgumentsAreRefusedNamingTheArgument() {
    String body = Webhooks.fileStorageEnvelope("File.changed", "{}");
    assertEquals("signatureKey must not be null", assertThrows(NullPointerException.class,
        () -> FileStorageWebhooks.verifyAndParse(null, body, Webhooks.sign(KEY, body))).getMessage());
    assertEquals("rawBody must not be null", assertThrows(NullPointerException.class,
        () -> FileStorageWebhooks.parse((byte[]) null)).getMessage());
    assertEquals("rawBody must not be null", assertThrows(NullPointerException.class,
        () -> FileStorageWebhooks.parse((String) null)).getMessage());
    assertEquals("type must not be null", assertThrows(NullPointerException.class,
        () -> FileStorageWebhooks.parse(body).data(null)).getMessage());
  }

  @Test
  void toStringNamesTheEventButNoneOfTheUsersData() {
    String body = Webhooks.fileStorageEnvelope("File.changed", fileJson());

    String text = FileStorageWebhooks.parse(body).toString();

    assertEquals("FileStorageWebhookEvent{File.changed, hook " + Webhooks.HOOK_ID + ", data File}", text);
  }

  @Test
  void theSpecsOwnExampleEnvelopeParses() throws Exception {
    Object example = ApiSpec.fileStorage().openApi().getComponents().getSchemas().get("WebhookEnvelope").getExample();
    String body = Json.mapper().writeValueAsString(example);

    FileStorageWebhookEvent event = FileStorageWebhooks.parse(body);

    assertEquals("File.changed", event.event());
    assertEquals("Q1 roadmap.pdf", event.data(File.class).orElseThrow().getName());
    assertEquals("Acme Corp", event.linkedAccount().orElseThrow().getEndUserOrganizationName());
  }

  @Test
  void aDataElementReturnedIsACopy() {
    String body = Webhooks.fileStorageEnvelope("Widget.exploded", "{\"a\": 1}");
    FileStorageWebhookEvent event = FileStorageWebhooks.parse(body);

    JsonElement copy = event.rawData();
    copy.getAsJsonObject().addProperty("a", 2);

    assertEquals(1, event.rawData().getAsJsonObject().get("a").getAsInt());
  }
}
