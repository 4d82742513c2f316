package dev.mergesdk.agenthandler;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.mergesdk.core.WebhookPayloadException;
import dev.mergesdk.core.WebhookSignature;
import dev.mergesdk.core.WebhookSignatureException;
import java.nio.charset.StandardCharsets;

/**
 * Verifies and reads the webhooks Merge Agent Handler sends (configured in the dashboard): each delivery is signed
 * in the {@value #SIGNATURE_HEADER} header with HMAC-SHA256 over the raw body, keyed with the webhook's signature
 * key.
 *
 * <pre>{@code
 * AgentHandlerWebhookEvent event = AgentHandlerWebhooks.verifyAndParse(signatureKey, rawBody,
 *     request.getHeader(AgentHandlerWebhooks.SIGNATURE_HEADER));
 * if (event.event().filter("registered_user.created"::equals).isPresent()) {
 *   RegisteredUser user = event.dataAs(RegisteredUser.class).orElseThrow();
 * }
 * }</pre>
 *
 * <p>Merge does not document how the signature is encoded, so hexadecimal (either case) and Base64 (either
 * alphabet, padded or not) are all accepted; they cannot be confused, since each has its own length for the 32
 * bytes of an HMAC-SHA256. Pass the body exactly as received, before any JSON parsing.
 */
public final class AgentHandlerWebhooks {
  /** The header carrying the signature of each delivery. */
  public static final String SIGNATURE_HEADER = "X-Merge-Signature";

  private static final WebhookSignature SIGNATURE = WebhookSignature.hmacSha256(SIGNATURE_HEADER,
      WebhookSignature.Encoding.HEX, WebhookSignature.Encoding.BASE64, WebhookSignature.Encoding.BASE64URL);

  private AgentHandlerWebhooks() {
  }

  /**
   * Checks that the delivery was signed with your key.
   *
   * @param signatureKey the webhook's signature key (dashboard)
   * @param rawBody the request body exactly as received
   * @param signature the {@value #SIGNATURE_HEADER} header; null when the request had none
   * @throws WebhookSignatureException when the signature is missing, malformed, or not the body's under the key
   * @throws NullPointerException naming the argument when the key or the body is null
   */
  public static void verify(String signatureKey, byte[] rawBody, String signature) {
    SIGNATURE.verify(signatureKey, rawBody, signature);
  }

  /**
   * Like {@link #verify(String, byte[], String)}, for a body read as UTF-8 text.
   *
   * @param signatureKey the webhook's signature key
   * @param rawBody the request body exactly as received
   * @param signature the {@value #SIGNATURE_HEADER} header; null when the request had none
   * @throws WebhookSignatureException when the signature is missing, malformed, or not the body's under the key
   * @throws NullPointerException naming the argument when the key or the body is null
   */
  public static void verify(String signatureKey, String rawBody, String signature) {
    SIGNATURE.verify(signatureKey, rawBody, signature);
  }

  /**
   * Reads a delivery without checking its signature (use {@link #verifyAndParse} for requests from outside).
   *
   * @param rawBody the request body
   * @return the event
   * @throws WebhookPayloadException when the body is not a JSON object
   * @throws NullPointerException when the body is null
   */
  public static AgentHandlerWebhookEvent parse(byte[] rawBody) {
    if (rawBody == null) {
      throw new NullPointerException("rawBody must not be null");
    }
    return parse(new String(rawBody, StandardCharsets.UTF_8));
  }

  /**
   * Reads a delivery without checking its signature (use {@link #verifyAndParse} for requests from outside).
   *
   * @param rawBody the request body
   * @return the event
   * @throws WebhookPayloadException when the body is not a JSON object
   * @throws NullPointerException when the body is null
   */
  public static AgentHandlerWebhookEvent parse(String rawBody) {
    if (rawBody == null) {
      throw new NullPointerException("rawBody must not be null");
    }
    JsonElement root;
    try {
      root = JsonParser.parseString(rawBody);
    } catch (RuntimeException e) {
      // Gson's message names the position, not the content: the body carries end users' data.
      throw new WebhookPayloadException("the webhook body is not JSON: " + e.getMessage(), e);
    }
    if (!root.isJsonObject()) {
      throw new WebhookPayloadException("the webhook body is not a JSON object", null);
    }
    return new AgentHandlerWebhookEvent(root.getAsJsonObject());
  }

  /**
   * Checks the signature, then reads the delivery: the one call a webhook endpoint needs.
   *
   * @param signatureKey the webhook's signature key
   * @param rawBody the request body exactly as received
   * @param signature the {@value #SIGNATURE_HEADER} header; null when the request had none
   * @return the event
   * @throws WebhookSignatureException when the signature is missing, malformed, or not the body's under the key
   * @throws WebhookPayloadException when the body is signed but not a JSON object
   */
  public static AgentHandlerWebhookEvent verifyAndParse(String signatureKey, byte[] rawBody, String signature) {
    verify(signatureKey, rawBody, signature);
    return parse(rawBody);
  }

  /**
   * Like {@link #verifyAndParse(String, byte[], String)}, for a body read as UTF-8 text.
   *
   * @param signatureKey the webhook's signature key
   * @param rawBody the request body exactly as received
   * @param signature the {@value #SIGNATURE_HEADER} header; null when the request had none
   * @return the event
   * @throws WebhookSignatureException when the signature is missing, malformed, or not the body's under the key
   * @throws WebhookPayloadException when the body is signed but not a JSON object
   */
  public static AgentHandlerWebhookEvent verifyAndParse(String signatureKey, String rawBody, String signature) {
    verify(signatureKey, rawBody, signature);
    return parse(rawBody);
  }
}
