package dev.mergesdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mergesdk.core.WebhookSignatureException;
import dev.mergesdk.testkit.WebhookDelivery;
import dev.mergesdk.testkit.Webhooks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's webhook handlers do what the README says when the testkit delivers to them. */
class WebhookSnippetsTest {
  private static final String KEY = "readme-signature-key";

  @Test
  void theReadmesOwnTestAcceptsTheSignedDeliveryAndRefusesTheForgedOne() throws Exception {
    assertEquals(List.of(200, 401), ReadmeSnippets.webhookTests(KEY));
  }

  @Test
  void theFileStorageHandlerAnswers401WhenUnsignedOrSignedWithAnotherKeyAnd400ForANonWebhook() throws Exception {
    WebhookDelivery delivery = Webhooks.fileStorage(KEY, Webhooks.fileStorageEnvelope("File.added", "{}"));

    assertEquals(401, (int) delivery.withoutSignature()
        .deliverTo((headers, body) -> ReadmeSnippets.onFileStorageWebhook(KEY, headers, body)));
    assertEquals(401, (int) delivery
        .deliverTo((headers, body) -> ReadmeSnippets.onFileStorageWebhook("another-key", headers, body)));
    assertEquals(400, (int) Webhooks.fileStorage(KEY, "[\"not\", \"an\", \"envelope\"]")
        .deliverTo((headers, body) -> ReadmeSnippets.onFileStorageWebhook(KEY, headers, body)));
  }

  @Test
  void theAgentHandlerHandlerAcceptsASignedDeliveryAndThrowsForAForgedOne() throws Exception {
    String body = "{\"event\": \"registered_user.created\", \"data\": {\"id\": \"7f1c2a9e\", \"origin_user_name\": \"Ada\"}}";
    WebhookDelivery delivery = Webhooks.agentHandler(KEY, body);

    delivery.deliverTo((headers, raw) -> {
      ReadmeSnippets.onAgentHandlerWebhook(KEY, headers.get("X-Merge-Signature"), raw);
      return null;
    });
    WebhookDelivery forged = delivery.withBody(body.replace("Ada", "Eve"));
    assertThrows(WebhookSignatureException.class, () -> forged.deliverTo((headers, raw) -> {
      ReadmeSnippets.onAgentHandlerWebhook(KEY, headers.get("X-Merge-Signature"), raw);
      return null;
    }));
  }
}
