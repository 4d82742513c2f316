package dev.mergesdk.filestorage;

import com.google.gson.JsonElement;
import dev.mergesdk.filestorage.model.AccountDetails;
import dev.mergesdk.filestorage.model.WebhookEnvelope;
import dev.mergesdk.filestorage.model.WebhookHook;
import java.util.Optional;

/**
 * One webhook delivery from Merge File Storage, read by {@link FileStorageWebhooks}.
 *
 * <p>{@link #data()} is the SDK's own model for the events it types: {@code File}, {@code Folder}, {@code Drive},
 * {@code Group} and {@code User} for their {@code .added}, {@code .changed} and {@code .removed} events;
 * {@code Issue} for {@code Issue.created} and {@code Issue.resolved}; {@code AccountDetails} for
 * {@code LinkedAccount.linked}. Any other event, including ones Merge adds later, keeps its data as raw JSON, so a
 * new event name never fails. Members the models do not know are in their {@code unknownFields()}.
 */
public final class FileStorageWebhookEvent {
  private final WebhookEnvelope envelope;
  private final String event;
  private final JsonElement rawData;
  private final Object data;

  FileStorageWebhookEvent(WebhookEnvelope envelope, String event, JsonElement rawData, Object data) {
    this.envelope = envelope;
    this.event = event;
    this.rawData = rawData;
    this.data = data;
  }

  /** {@return the event name, such as {@code File.changed} or {@code LinkedAccount.linked}} */
  public String event() {
    return event;
  }

  /** {@return the webhook that fired: its id, event and target URL} */
  public WebhookHook hook() {
    return envelope.getHook();
  }

  /** {@return the Linked Account the event concerns, when the delivery names one} */
  public Optional<AccountDetails> linkedAccount() {
    return Optional.ofNullable(envelope.getLinkedAccount());
  }

  /**
   * @return the data as the SDK's model for the events it types (see the class description), otherwise the raw
   *     JSON ({@code JsonNull} when the delivery had none, a copy otherwise); never null
   */
  public Object data() {
    return data instanceof JsonElement ? ((JsonElement) data).deepCopy() : data;
  }

  /**
   * @param type the model expected, such as {@code File.class}
   * @param <T> the model
   * @return the data when it is of that type: for a model, when the event is one the SDK decodes into it
   */
  public <T> Optional<T> data(Class<T> type) {
    if (type == null) {
      throw new NullPointerException("type must not be null");
    }
    return type.isInstance(data) ? Optional.of(type.cast(data)) : Optional.empty();
  }

  /** {@return the data as raw JSON, whatever the event (a copy)} */
  public JsonElement rawData() {
    return rawData.deepCopy();
  }

  /** {@return the whole envelope as decoded; its {@code unknownFields()} holds members this SDK does not know} */
  public WebhookEnvelope envelope() {
    return envelope;
  }

  /** Names the event and the data's type only: the data itself is your users' content. */
  @Override
  public String toString() {
    String type = data instanceof JsonElement ? "raw JSON" : data.getClass().getSimpleName();
    return "FileStorageWebhookEvent{" + event + ", hook " + envelope.getHook().getId() + ", data " + type + "}";
  }
}
