package dev.mergesdk.agenthandler;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.mergesdk.core.internal.Json;
import dev.mergesdk.core.internal.UnknownFields;
import dev.mergesdk.core.WebhookPayloadException;
import java.io.StringReader;
import java.util.Optional;

/**
 * One webhook delivery from Merge Agent Handler, read by {@link AgentHandlerWebhooks}.
 *
 * <p>Merge documents that every event shares one envelope with a per-event {@code data} member, but not the names
 * of its other members nor the shape of each event's data. So the envelope stays raw JSON: {@link #event()} reads
 * the event name from the first of {@code event}, {@code event_type} and {@code type} that is a string, and
 * {@link #dataAs} decodes the data into the model you expect (such as {@code RegisteredUser} for
 * {@code registered_user.created}), keeping members the model does not know in its {@code unknownFields()}.
 */
public final class AgentHandlerWebhookEvent {
  private static final String[] EVENT_MEMBERS = {"event", "event_type", "type"};

  private final JsonObject envelope;

  AgentHandlerWebhookEvent(JsonObject envelope) {
    this.envelope = envelope;
  }

  /** {@return the event name, such as {@code registered_user.created}, when the envelope carries one} */
  public Optional<String> event() {
    for (String member : EVENT_MEMBERS) {
      JsonElement value = envelope.get(member);
      if (value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
        return Optional.of(value.getAsString());
      }
    }
    return Optional.empty();
  }

  /** {@return the event's data as raw JSON (a copy); {@code JsonNull} when the envelope has none} */
  public JsonElement data() {
    JsonElement data = envelope.get("data");
    return data == null ? JsonNull.INSTANCE : data.deepCopy();
  }

  /**
   * Decodes the data into a model, as responses are decoded.
   *
   * @param type the model the event's data has, such as {@code RegisteredUser.class}
   * @param <T> the model
   * @return the data as that model; empty when the envelope has no data
   * @throws WebhookPayloadException when the data does not fit the model
   */
  public <T> Optional<T> dataAs(Class<T> type) {
    if (type == null) {
      throw new NullPointerException("type must not be null");
    }
    JsonElement data = envelope.get("data");
    if (data == null || data.isJsonNull()) {
      return Optional.empty();
    }
    try {
      T value = Json.gson().fromJson(UnknownFields.newReader(new StringReader(data.toString())), type);
      return Optional.ofNullable(value);
    } catch (RuntimeException e) {
      // As for responses: whatever an adapter throws on a mis-shaped value, the caller sees one typed failure.
      throw new WebhookPayloadException("the data of " + event().orElse("the webhook") + " does not fit "
          + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** {@return the whole envelope as raw JSON (a copy)} */
  public JsonObject envelope() {
    return envelope.deepCopy();
  }

  /** Names the event and the envelope's members only: the data itself is your users' content. */
  @Override
  public String toString() {
    return "AgentHandlerWebhookEvent{" + event().orElse("unnamed event") + ", members " + envelope.keySet() + "}";
  }
}
