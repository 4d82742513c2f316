package dev.mergesdk.filestorage;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import dev.mergesdk.core.internal.Json;
import dev.mergesdk.core.internal.UnknownFields;
import dev.mergesdk.core.WebhookPayloadException;
import dev.mergesdk.core.WebhookSignature;
import dev.mergesdk.core.WebhookSignatureException;
import dev.mergesdk.filestorage.model.AccountDetails;
import dev.mergesdk.filestorage.model.Drive;
import dev.mergesdk.filestorage.model.File;
import dev.mergesdk.filestorage.model.Folder;
import dev.mergesdk.filestorage.model.Group;
import dev.mergesdk.filestorage.model.Issue;
import dev.mergesdk.filestorage.model.User;
import dev.mergesdk.filestorage.model.WebhookEnvelope;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Verifies and reads the webhooks Merge File Storage sends: each delivery is signed with your organisation's
 * webhook signature key (the {@value #SIGNATURE_HEADER} header) and carries {@code {hook, linked_account, data}}.
 *
 * <pre>{@code
 * FileStorageWebhookEvent event = FileStorageWebhooks.verifyAndParse(signatureKey, rawBody,
 *     request.getHeader(FileStorageWebhooks.SIGNATURE_HEADER));
 * event.data(File.class).ifPresent(file -> ...);
 * }</pre>
 *
 * <p>Pass the body exactly as received, before any JSON parsing: the signature covers its bytes. The signature is
 * Merge's Base64url encoding of HMAC-SHA256 over those bytes; padded or unpadded values are accepted, and the
 * standard Base64 alphabet too.
 */
public final class FileStorageWebhooks {
  /** The header carrying the signature of each delivery. */
  public static final String SIGNATURE_HEADER = "X-Merge-Webhook-Signature";

  private static final WebhookSignature SIGNATURE = WebhookSignature.hmacSha256(SIGNATURE_HEADER,
      WebhookSignature.Encoding.BASE64URL, WebhookSignature.Encoding.BASE64);

  /** The events whose data the SDK decodes into its own models, and the model of each. */
  private static final Map<String, Class<?>> TYPED_EVENTS;

  static {
    Map<String, Class<?>> typed = new HashMap<>();
    Map<String, Class<?>> commonModels = Map.of("File", File.class, "Folder", Folder.class, "Drive", Drive.class,
        "Group", Group.class, "User", User.class);
    commonModels.forEach((name, type) -> {
      for (String action : new String[] {"added", "changed", "removed"}) {
        typed.put(name + "." + action, type);
      }
    });
    typed.put("Issue.created", Issue.class);
    typed.put("Issue.resolved", Issue.class);
    typed.put("LinkedAccount.linked", AccountDetails.class);
    TYPED_EVENTS = Collections.unmodifiableMap(typed);
  }

  private FileStorageWebhooks() {
  }

  /**
   * Checks that the delivery was signed with your key.
   *
   * @param signatureKey your organisation's webhook signature key, from the dashboard's webhook settings
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
   * @param signatureKey your organisation's webhook signature key
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
   * @return the event, its data decoded into the SDK's model when the event is one the SDK types
   * @throws WebhookPayloadException when the body is not a webhook envelope, or the data of a typed event does
   *     not fit its model
   * @throws NullPointerException when the body is null
   */
  public static FileStorageWebhookEvent parse(byte[] rawBody) {
    if (rawBody == null) {
      throw new NullPointerException("rawBody must not be null");
    }
    return parse(new String(rawBody, StandardCharsets.UTF_8));
  }

  /**
   * Reads a delivery without checking its signature (use {@link #verifyAndParse} for requests from outside).
   *
   * @param rawBody the request body
   * @return the event, its data decoded into the SDK's model when the event is one the SDK types
   * @throws WebhookPayloadException when the body is not a webhook envelope, or the data of a typed event does
   *     not fit its model
   * @throws NullPointerException when the body is null
   */
  public static FileStorageWebhookEvent parse(String rawBody) {
    if (rawBody == null) {
      throw new NullPointerException("rawBody must not be null");
    }
    checkObject(rawBody);
    WebhookEnvelope envelope = decode(rawBody, WebhookEnvelope.class,
        "the webhook envelope does not have the expected shape: ");
    String event = envelope.getHook() == null ? null : envelope.getHook().getEvent();
    if (event == null || event.isBlank()) {
      throw new WebhookPayloadException("the webhook body has no hook.event: not a Merge File Storage webhook",
          null);
    }
    JsonElement raw = envelope.getData() == null ? JsonNull.INSTANCE : envelope.getData();
    return new FileStorageWebhookEvent(envelope, event, raw, typedData(event, raw));
  }

  /**
   * Checks the signature, then reads the delivery: the one call a webhook endpoint needs.
   *
   * @param signatureKey your organisation's webhook signature key
   * @param rawBody the request body exactly as received
   * @param signature the {@value #SIGNATURE_HEADER} header; null when the request had none
   * @return the event
   * @throws WebhookSignatureException when the signature is missing, malformed, or not the body's under the key
   * @throws WebhookPayloadException when the body is signed but not a webhook envelope
   */
  public static FileStorageWebhookEvent verifyAndParse(String signatureKey, byte[] rawBody, String signature) {
    verify(signatureKey, rawBody, signature);
    return parse(rawBody);
  }

  /**
   * Like {@link #verifyAndParse(String, byte[], String)}, for a body read as UTF-8 text.
   *
   * @param signatureKey your organisation's webhook signature key
   * @param rawBody the request body exactly as received
   * @param signature the {@value #SIGNATURE_HEADER} header; null when the request had none
   * @return the event
   * @throws WebhookSignatureException when the signature is missing, malformed, or not the body's under the key
   * @throws WebhookPayloadException when the body is signed but not a webhook envelope
   */
  public static FileStorageWebhookEvent verifyAndParse(String signatureKey, String rawBody, String signature) {
    verify(signatureKey, rawBody, signature);
    return parse(rawBody);
  }

  private static void checkObject(String body) {
    JsonElement root;
    try {
      root = JsonParser.parseString(body);
    } catch (RuntimeException e) {
      // Gson's message names the position, not the content: the body carries end users' data.
      throw new WebhookPayloadException("the webhook body is not JSON: " + e.getMessage(), e);
    }
    if (!root.isJsonObject()) {
      throw new WebhookPayloadException("the webhook body is not a JSON object", null);
    }
  }

  /** Decodes as responses are decoded, so members the SDK does not know land in the models' unknownFields(). */
  private static <T> T decode(String json, Class<T> type, String failure) {
    try {
      return Json.gson().fromJson(UnknownFields.newReader(new StringReader(json)), type);
    } catch (RuntimeException e) {
      // As for responses: whatever an adapter throws on a mis-shaped value, the caller sees one typed failure.
      throw new WebhookPayloadException(failure + e.getMessage(), e);
    }
  }

  /** {@return the data as the event's model, or the raw JSON for events the SDK does not type and for no data} */
  private static Object typedData(String event, JsonElement raw) {
    Class<?> type = TYPED_EVENTS.get(event);
    if (type == null || raw.isJsonNull()) {
      return raw;
    }
    if (!raw.isJsonObject()) {
      throw new WebhookPayloadException("the data of " + event + " is not a JSON object (a " + type.getSimpleName()
          + " was expected)", null);
    }
    return decode(raw.toString(), type, "the data of " + event + " does not fit " + type.getSimpleName() + ": ");
  }
}
