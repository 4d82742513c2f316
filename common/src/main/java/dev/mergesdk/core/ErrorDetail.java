package dev.mergesdk.core;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import java.util.Optional;

/**
 * The error an API put in a failed response, read from whichever shape it used:
 * {@code {"detail": "..."}}, {@code {"error": "code"}}, {@code {"error": {"type", "code", "message"}}},
 * {@code {"errors": [{"title", "detail"}]}} or a map of field names to messages. Bodies that are not JSON
 * (an HTML error page, say) leave every field empty.
 */
public final class ErrorDetail {
  private static final ErrorDetail NONE = new ErrorDetail(null, null, null, null);

  private final String message;
  private final String code;
  private final String type;
  private final JsonElement json;

  private ErrorDetail(String message, String code, String type, JsonElement json) {
    this.message = message;
    this.code = code;
    this.type = type;
    this.json = json;
  }

  /** @return a human-readable message, when the body had one */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  /** @return a stable machine-readable code, when the body had one */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** @return the error category, when the body had one */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /** @return the body as JSON, when it was JSON */
  public Optional<JsonElement> json() {
    return Optional.ofNullable(json == null ? null : json.deepCopy());
  }

  /** The same detail with its text fields scrubbed (they are shown; {@link #json()} stays the raw body's). */
  ErrorDetail scrubbed(SecretScrubber scrubber) {
    if (this == NONE) {
      return this;
    }
    return new ErrorDetail(message == null ? null : scrubber.scrub(message), code == null ? null : scrubber.scrub(code),
        type == null ? null : scrubber.scrub(type), json);
  }

  static ErrorDetail parse(String body) {
    if (body == null || body.isBlank()) {
      return NONE;
    }
    String trimmed = body.trim();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
      return NONE;
    }
    JsonElement json;
    try {
      json = JsonParser.parseString(trimmed);
    } catch (RuntimeException notJson) {
      return NONE;
    }
    if (!json.isJsonObject()) {
      return new ErrorDetail(null, null, null, json);
    }
    JsonObject object = json.getAsJsonObject();
    String message = string(object, "detail");
    String code = null;
    String type = null;
    JsonElement error = object.get("error");
    if (error != null && error.isJsonPrimitive()) {
      code = error.getAsString();
    } else if (error != null && error.isJsonObject()) {
      JsonObject e = error.getAsJsonObject();
      message = first(string(e, "message"), string(e, "detail"), message);
      code = string(e, "code");
      type = string(e, "type");
    }
    JsonElement errors = object.get("errors");
    if (message == null && errors != null && errors.isJsonArray() && errors.getAsJsonArray().size() > 0
        && errors.getAsJsonArray().get(0).isJsonObject()) {
      JsonObject e = errors.getAsJsonArray().get(0).getAsJsonObject();
      message = first(string(e, "detail"), string(e, "title"), null);
      code = first(code, string(e, "error_code"), null);
    }
    if (message == null) {
      message = first(string(object, "message"), fieldErrors(object), null);
    }
    return new ErrorDetail(message, code, type, json);
  }

  /** Django REST Framework validation errors: {"field": ["message", ...], ...}. */
  private static String fieldErrors(JsonObject object) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
      JsonElement value = entry.getValue();
      if (value.isJsonArray() && value.getAsJsonArray().size() > 0 && value.getAsJsonArray().get(0).isJsonPrimitive()) {
        if (sb.length() > 0) {
          sb.append("; ");
        }
        sb.append(entry.getKey()).append(": ").append(value.getAsJsonArray().get(0).getAsString());
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  private static String string(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
  }

  private static String first(String a, String b, String c) {
    return a != null ? a : b != null ? b : c;
  }

  @Override
  public String toString() {
    return "ErrorDetail{code=" + code + ", type=" + type + ", message=" + message + "}";
  }
}
