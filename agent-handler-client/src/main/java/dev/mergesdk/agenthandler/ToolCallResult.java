package dev.mergesdk.agenthandler;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mergesdk.agenthandler.model.McpContent;
import dev.mergesdk.agenthandler.model.McpResult;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of an MCP tool call: it succeeded, the tool reported an error, or the user must first authenticate
 * the tool's connector, in which case {@link #authenticationUrl()} is the link to send them.
 */
public final class ToolCallResult {
  /** The three ways a tool call ends. */
  public enum Status {
    /** The tool ran; {@link #text()} and {@link #structuredContent()} hold its output. */
    SUCCESS,
    /** The tool ran and failed; {@link #errorCode()} and {@link #message()} say why. */
    TOOL_ERROR,
    /** The user has not authorised the connector yet; send them {@link #authenticationUrl()}. */
    AUTHENTICATION_REQUIRED
  }

  private final Status status;
  private final List<McpContent> content;
  private final String text;
  private final JsonElement structuredContent;
  private final String message;
  private final String errorCode;
  private final String authenticationUrl;

  private ToolCallResult(Status status, List<McpContent> content, String text, JsonElement structuredContent,
      String message, String errorCode, String authenticationUrl) {
    this.status = status;
    this.content = content;
    this.text = text;
    this.structuredContent = structuredContent;
    this.message = message;
    this.errorCode = errorCode;
    this.authenticationUrl = authenticationUrl;
  }

  static ToolCallResult of(McpResult result) {
    List<McpContent> content = result.getContent() == null
        ? Collections.emptyList()
        : Collections.unmodifiableList(result.getContent());
    StringBuilder text = new StringBuilder();
    for (McpContent item : content) {
      if (item.getText() != null) {
        text.append(text.length() == 0 ? "" : "\n").append(item.getText());
      }
    }
    JsonObject payload = jsonObject(text.toString());
    String link = string(payload, "magic_link_url");
    String message = string(payload, "message");
    String error = string(payload, "error");
    Status status = link != null
        ? Status.AUTHENTICATION_REQUIRED
        : Boolean.TRUE.equals(result.getIsError()) || error != null ? Status.TOOL_ERROR : Status.SUCCESS;
    if (status == Status.TOOL_ERROR && message == null) {
      message = text.toString();
    }
    return new ToolCallResult(status, content, text.toString(), result.getStructuredContent(), message, error, link);
  }

  private static JsonObject jsonObject(String text) {
    String trimmed = text.trim();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      JsonElement parsed = JsonParser.parseString(trimmed);
      return parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static String string(JsonObject object, String name) {
    if (object == null) {
      return null;
    }
    JsonElement value = object.get(name);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
  }

  /** {@return how the call ended} */
  public Status status() {
    return status;
  }

  /** {@return whether the tool ran successfully} */
  public boolean isSuccess() {
    return status == Status.SUCCESS;
  }

  /** {@return whether the user must authenticate the connector before the tool can run} */
  public boolean requiresAuthentication() {
    return status == Status.AUTHENTICATION_REQUIRED;
  }

  /** {@return the link to send the user so they can authenticate, when that is what the call needs} */
  public Optional<String> authenticationUrl() {
    return Optional.ofNullable(authenticationUrl);
  }

  /** {@return the server's message about an error or a required authentication} */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  /** {@return the tool's error code (such as {@code reauth_required}), when it reported one} */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** {@return the text items of the result joined by newlines; often JSON} */
  public String text() {
    return text;
  }

  /** {@return every content item as sent} */
  public List<McpContent> content() {
    return content;
  }

  /** {@return the structured form of the result, when the tool provides one} */
  public Optional<JsonElement> structuredContent() {
    return Optional.ofNullable(structuredContent);
  }

  @Override
  public String toString() {
    return "ToolCallResult{" + status + (errorCode == null ? "" : ", error=" + errorCode) + "}";
  }
}
