package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Signed deliveries are signed as Merge signs them, reach a handler unchanged, and derive the tampered kinds. */
class WebhooksTest {
  /** RFC 4231, test case 2: the published HMAC-SHA256 of this data under this key. */
  private static final String RFC_KEY = "Jefe";
  private static final String RFC_DATA = "what do ya want for nothing?";
  private static final String RFC_HEX = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

  private static final String KEY = "test-signature-key";
  private static final String BODY = "{\"hook\":{\"event\":\"File.changed\"},\"data\":{\"name\":\"Größe.pdf\"}}";

  @Test
  void signaturesAreThePublishedHmacSha256InBase64urlOrHex() {
    assertEquals(RFC_HEX, Webhooks.signHex(RFC_KEY, RFC_DATA));
    assertEquals(Base64.getUrlEncoder().encodeToString(HexFormat.of().parseHex(RFC_HEX)),
        Webhooks.sign(RFC_KEY, RFC_DATA));
    assertEquals(Webhooks.sign(RFC_KEY, RFC_DATA),
        Webhooks.sign(RFC_KEY, RFC_DATA.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aFileStorageDeliveryCarriesTheBodyAndItsBase64urlSignature() {
    WebhookDelivery delivery = Webhooks.fileStorage(KEY, BODY);

    assertEquals("X-Merge-Webhook-Signature", delivery.signatureHeader());
    assertEquals(Webhooks.sign(KEY, BODY), delivery.signature());
    assertEquals(Webhooks.sign(KEY, BODY), delivery.header("x-merge-webhook-signature"), "any case");
    assertEquals("application/json", delivery.header("Content-Type"));
    assertArrayEquals(BODY.getBytes(StandardCharsets.UTF_8), delivery.body());
    assertEquals(BODY, delivery.bodyText());
  }

  @Test
  void anAgentHandlerDeliveryIsSignedInHexInItsOwnHeader() {
    WebhookDelivery delivery = Webhooks.agentHandler(KEY, BODY);

    assertEquals("X-Merge-Signature", delivery.signatureHeader());
    assertEquals(Webhooks.signHex(KEY, BODY), delivery.header("X-Merge-Signature"));
    assertNull(delivery.header("X-Merge-Webhook-Signature"));
  }

  @Test
  void tamperedDeliveriesAreDerivedWithoutChangingTheOriginal() {
    WebhookDelivery delivery = Webhooks.fileStorage(KEY, BODY);

    WebhookDelivery otherBody = delivery.withBody("{\"forged\":true}");
    assertEquals("{\"forged\":true}", otherBody.bodyText());
    assertEquals(delivery.signature(), otherBody.signature(), "the old signature stays");

    assertEquals(Webhooks.sign("wrong-key", BODY), delivery.withSignature(Webhooks.sign("wrong-key", BODY)).signature());
    assertNull(delivery.withoutSignature().signature());
    assertEquals("application/json", delivery.withoutSignature().header("Content-Type"));
    assertEquals("1", delivery.withHeader("x-extra", "1").header("X-Extra"));

    assertEquals(BODY, delivery.bodyText());
    assertEquals(Webhooks.sign(KEY, BODY), delivery.signature());
    assertThrows(UnsupportedOperationException.class, () -> delivery.headers().put("X-Merge-Webhook-Signature", "x"));
  }

  @Test
  void theHandlerGetsTheHeadersAndBodyAndItsAnswerOrExceptionComesBack() throws Exception {
    WebhookDelivery delivery = Webhooks.fileStorage(KEY, BODY);
    AtomicReference<Map<String, String>> seenHeaders = new AtomicReference<>();

    Integer status = delivery.deliverTo((headers, body) -> {
      seenHeaders.set(headers);
      body[0] = 'X'; // a handler that scribbles on its buffer does not change the delivery
      return new String(body, StandardCharsets.UTF_8).substring(1).equals(BODY.substring(1)) ? 200 : 400;
    });

    assertEquals(200, status);
    assertEquals(delivery.signature(), seenHeaders.get().get("X-MERGE-WEBHOOK-SIGNATURE"));
    assertEquals(BODY, delivery.bodyText());
    IllegalStateException thrown = new IllegalStateException("handler failed");
    assertSame(thrown, assertThrows(IllegalStateException.class, () -> delivery.deliverTo((h, b) -> {
      throw thrown;
    })));
  }

  @Test
  void postingSendsThePostWithEveryHeaderAndTheExactBody() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(202).build());
      server.start();
      WebhookDelivery delivery = Webhooks.fileStorage(KEY, BODY);

      int status = delivery.postTo(URI.create(server.url("/hooks/merge").toString()));

      assertEquals(202, status);
      RecordedRequest request = server.takeRequest();
      assertEquals("POST", request.getMethod());
      assertEquals("/hooks/merge", request.getTarget());
      assertEquals(delivery.signature(), request.getHeaders().get("X-Merge-Webhook-Signature"));
      assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
      assertArrayEquals(BODY.getBytes(StandardCharsets.UTF_8), request.getBody().toByteArray());
    }
  }

  @Test
  void theFileStorageEnvelopeWrapsTheDataAndConformsToTheSpec() {
    String envelope = Webhooks.fileStorageEnvelope("File.changed", "{\"id\":\"d4c3\",\"name\":\"Q1.pdf\"}");

    JsonNode node = readTree(envelope);
    assertEquals("File.changed", node.path("hook").path("event").asText());
    assertEquals(Webhooks.HOOK_ID, node.path("hook").path("id").asText());
    assertEquals(Webhooks.HOOK_TARGET, node.path("hook").path("target").asText());
    assertEquals(Webhooks.LINKED_ACCOUNT_ID, node.path("linked_account").path("id").asText());
    assertEquals("Q1.pdf", node.path("data").path("name").asText());

    OpenAPI api = ApiSpec.fileStorage().openApi();
    SchemaValidator validator = new SchemaValidator(api, new MessageResolver());
    io.swagger.v3.oas.models.media.Schema<?> schema = api.getComponents().getSchemas().get("WebhookEnvelope");
    assertEquals(List.of(), messages(validator.validate(() -> node, schema, "webhook")));
    JsonNode withoutHook = readTree(envelope.replace("\"hook\"", "\"hock\""));
    assertFalse(messages(validator.validate(() -> withoutHook, schema, "webhook")).isEmpty(), "the check can fail");
  }

  @Test
  void badArgumentsAreRefusedNamingTheArgument() {
    assertEquals("dataJson is not JSON", assertThrows(IllegalArgumentException.class,
        () -> Webhooks.fileStorageEnvelope("File.changed", "{not json")).getMessage().split(":")[0]);
    assertEquals("signatureKey must not be null", assertThrows(NullPointerException.class,
        () -> Webhooks.sign(null, BODY)).getMessage());
    assertEquals("body must not be null", assertThrows(NullPointerException.class,
        () -> Webhooks.fileStorage(KEY, null)).getMessage());
    assertEquals("handler must not be null", assertThrows(NullPointerException.class,
        () -> Webhooks.fileStorage(KEY, BODY).deliverTo(null)).getMessage());
  }

  @Test
  void toStringShowsNeitherSignatureNorBody() {
    WebhookDelivery delivery = Webhooks.fileStorage(KEY, BODY);

    String text = delivery.toString();

    assertFalse(text.contains(delivery.signature()));
    assertFalse(text.contains("Größe"));
    assertEquals("WebhookDelivery{" + BODY.getBytes(StandardCharsets.UTF_8).length
        + " bytes, signed in X-Merge-Webhook-Signature}", text);
  }

  private static List<String> messages(ValidationReport report) {
    return report.getMessages().stream().map(ValidationReport.Message::getMessage).toList();
  }

  private static JsonNode readTree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
