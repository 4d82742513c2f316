package dev.mergesdk.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed webhook deliveries for tests of your webhook endpoint, made the way Merge makes them: HMAC-SHA256 over
 * the raw body, keyed with your signature key. The signing is the testkit's own (the JDK's HMAC), independent of
 * the SDK's verifier, so a test that passes with it checks the verifier too.
 *
 * <pre>{@code
 * String body = Webhooks.fileStorageEnvelope("File.changed", "{\"name\":\"Q1.pdf\"}");
 * WebhookDelivery delivery = Webhooks.fileStorage(SIGNATURE_KEY, body);
 * assertEquals(200, delivery.deliverTo(myEndpoint::handle));
 * }</pre>
 */
public final class Webhooks {
  static {
    QuietSlf4j.whenNoProvider(); // before swagger-core's JSON mapper is first used
  }

  /** The header File Storage signs deliveries in. */
  public static final String FILE_STORAGE_SIGNATURE_HEADER = "X-Merge-Webhook-Signature";
  /** The header Agent Handler signs deliveries in. */
  public static final String AGENT_HANDLER_SIGNATURE_HEADER = "X-Merge-Signature";

  /** The hook id of {@link #fileStorageEnvelope}: fixed, so tests can assert on it. */
  public static final String HOOK_ID = "2b6e1d3f-8a4c-4f7e-9b2d-6c5a4e3f2d17";
  /** The target URL of {@link #fileStorageEnvelope}. */
  public static final String HOOK_TARGET = "https://hooks.example.com/merge";
  /** The Linked Account id of {@link #fileStorageEnvelope}. */
  public static final String LINKED_ACCOUNT_ID = "0d9c8b7a-6f5e-4d3c-a2b1-0f9e8d7c6b09";

  private Webhooks() {
  }

  /**
   * @param signatureKey the signature key your endpoint is configured with in the test
   * @param body the raw body
   * @return the signature as File Storage sends it: Base64url (with padding) of HMAC-SHA256 over the body
   */
  public static String sign(String signatureKey, byte[] body) {
    return Base64.getUrlEncoder().encodeToString(hmac(signatureKey, body));
  }

  /**
   * @param signatureKey the signature key your endpoint is configured with in the test
   * @param body the raw body, signed as its UTF-8 bytes
   * @return the signature as File Storage sends it: Base64url (with padding) of HMAC-SHA256 over the body
   */
  public static String sign(String signatureKey, String body) {
    return sign(signatureKey, utf8(body, "body"));
  }

  /**
   * @param signatureKey the signature key your endpoint is configured with in the test
   * @param body the raw body, signed as its UTF-8 bytes
   * @return lower-case hexadecimal HMAC-SHA256 over the body
   */
  public static String signHex(String signatureKey, String body) {
    StringBuilder hex = new StringBuilder(64);
    for (byte b : hmac(signatureKey, utf8(body, "body"))) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }

  /**
   * @param signatureKey the signature key your endpoint is configured with in the test
   * @param body the JSON body
   * @return a File Storage delivery: the body, {@code Content-Type: application/json} and the Base64url
   *     signature in {@value #FILE_STORAGE_SIGNATURE_HEADER}
   */
  public static WebhookDelivery fileStorage(String signatureKey, String body) {
    return WebhookDelivery.signed(FILE_STORAGE_SIGNATURE_HEADER, sign(signatureKey, body), utf8(body, "body"));
  }

  /**
   * An Agent Handler delivery, signed in hexadecimal. Merge documents HMAC-SHA256 over the raw body for Agent
   * Handler but not its encoding; the SDK's verifier accepts hex and Base64, so to test the other, replace the
   * signature: {@code agentHandler(key, body).withSignature(Webhooks.sign(key, body))}.
   *
   * @param signatureKey the signature key your endpoint is configured with in the test
   * @param body the JSON body
   * @return the body, {@code Content-Type: application/json} and the signature in
   *     {@value #AGENT_HANDLER_SIGNATURE_HEADER}
   */
  public static WebhookDelivery agentHandler(String signatureKey, String body) {
    return WebhookDelivery.signed(AGENT_HANDLER_SIGNATURE_HEADER, signHex(signatureKey, body), utf8(body, "body"));
  }

  /**
   * A File Storage envelope around your data, with a fixed hook ({@link #HOOK_ID}, {@link #HOOK_TARGET}) and a
   * fixed Google Drive Linked Account ({@link #LINKED_ACCOUNT_ID}).
   *
   * @param event the event name, such as {@code File.changed}
   * @param dataJson the event's data as JSON, such as a File object
   * @return the envelope as JSON text
   * @throws IllegalArgumentException when {@code dataJson} is not JSON
   */
  public static String fileStorageEnvelope(String event, String dataJson) {
    if (event == null) {
      throw new NullPointerException("event must not be null");
    }
    if (dataJson == null) {
      throw new NullPointerException("dataJson must not be null");
    }
    JsonNode data;
    try {
      data = Json.mapper().readTree(dataJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("dataJson is not JSON: " + e.getOriginalMessage(), e);
    }
    ObjectNode envelope = Json.mapper().createObjectNode();
    envelope.putObject("hook").put("id", HOOK_ID).put("event", event).put("target", HOOK_TARGET);
    envelope.putObject("linked_account")
        .put("id", LINKED_ACCOUNT_ID)
        .put("integration", "Google Drive")
        .put("integration_slug", "google-drive")
        .put("category", "filestorage")
        .put("end_user_origin_id", "customer-42")
        .put("end_user_organization_name", "Acme Corp")
        .put("end_user_email_address", "it@acme.example")
        .put("status", "COMPLETE")
        .put("is_duplicate", false)
        .put("account_type", "PRODUCTION");
    envelope.set("data", data);
    return envelope.toString();
  }

  private static byte[] utf8(String text, String name) {
    if (text == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] hmac(String key, byte[] body) {
    if (key == null) {
      throw new NullPointerException("signatureKey must not be null");
    }
    if (body == null) {
      throw new NullPointerException("body must not be null");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available on this Java runtime", e);
    }
  }
}
