package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.agenthandler.model.McpMethod;
import dev.mergesdk.agenthandler.model.McpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** A missing required argument fails in the caller, naming the argument, before anything is sent. */
class RequiredParametersTest {
  private static final String PACK_ID = "0b8e5d2c-6a71-4f3e-9c24-5d6e7f801234";

  @RegisterExtension
  final AgentHandlerTestServer server = new AgentHandlerTestServer();

  private void assertRejectedBeforeSending(Class<? extends RuntimeException> type, String message, Executable call) {
    RuntimeException e = assertThrows(type, call);
    assertTrue(e.getMessage().contains(message), "message should name the argument: " + e.getMessage());
    assertEquals(0, server.requestCount(), "no request may be sent");
  }

  @Test
  void aNullPathParameterFailsNamingIt() {
    assertRejectedBeforeSending(NullPointerException.class, "registeredUserId must not be null",
        () -> server.client().registeredUsers().retrieve(null).execute());
    assertRejectedBeforeSending(NullPointerException.class, "connectorSlug must not be null",
        () -> server.client().toolPacks().removeConnector(PACK_ID, null).execute());
    assertRejectedBeforeSending(NullPointerException.class, "toolPackId must not be null",
        () -> server.client().mcp().call(null, "user-1", new McpRequest().method(McpMethod.TOOLS_LIST)).execute());
    assertRejectedBeforeSending(NullPointerException.class, "token must not be null",
        () -> server.client().files().download(null).execute());
  }

  @Test
  void aBlankPathParameterFailsNamingIt() {
    assertRejectedBeforeSending(IllegalArgumentException.class, "keyId must not be blank",
        () -> server.client().accessKeys().revoke(" ").execute());
  }

  @Test
  void aNullRequestBodyFailsNamingIt() {
    assertRejectedBeforeSending(NullPointerException.class, "request must not be null",
        () -> server.client().registeredUsers().create(null).execute());
    assertRejectedBeforeSending(NullPointerException.class, "connectors must not be null",
        () -> server.client().toolPacks().replaceConnectors(PACK_ID, null).execute());
  }
}
