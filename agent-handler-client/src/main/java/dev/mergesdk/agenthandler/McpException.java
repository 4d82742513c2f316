package dev.mergesdk.agenthandler;

import com.google.gson.JsonElement;
import dev.mergesdk.core.MergeException;
import java.util.Optional;

/** The MCP endpoint answered a request with a JSON-RPC error (HTTP 200 with an {@code error} member). */
public class McpException extends MergeException {
  private static final long serialVersionUID = 1L;
  /** The JSON-RPC error code. */
  private final int code;
  /** The error's data, as JSON text, or null. */
  private final String data;

  /**
   * @param method the MCP method that failed
   * @param code the JSON-RPC error code
   * @param message the server's message
   * @param data further details, or null
   */
  public McpException(String method, int code, String message, JsonElement data) {
    super("MCP " + method + " failed" + (code == 0 ? "" : " (JSON-RPC error " + code + ")") + ": " + message);
    this.code = code;
    this.data = data == null || data.isJsonNull() ? null : data.toString();
  }

  /** {@return the JSON-RPC error code; 0 when the failure was in the envelope itself} */
  public int code() {
    return code;
  }

  /** {@return the error's data as JSON text, when the server sent some} */
  public Optional<String> data() {
    return Optional.ofNullable(data);
  }
}
