package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.mergesdk.agenthandler.AgentHandlerClient;
import dev.mergesdk.agenthandler.model.McpMethod;
import dev.mergesdk.agenthandler.model.McpRequest;
import dev.mergesdk.core.FuzzServer;
import dev.mergesdk.core.OperationSweeps;
import dev.mergesdk.core.SecretGuard;
import dev.mergesdk.filestorage.FileStorageClient;
import dev.mergesdk.filestorage.model.PatchedEditFieldMappingRequest;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input across every generated operation of both clients, found by reflection so none is left out as the spec
 * grows: each required argument is refused when null, by a NullPointerException naming it, before anything is
 * sent; and a path argument full of {@code /}, {@code ..}, {@code ?}, {@code #}, {@code %} and non-ASCII stays
 * inside its own segment. A table then pins the exact message of a few refusals (null, blank and dot path
 * arguments, null bodies), the wording a caller reads.
 */
class EveryOperationTest {
  private static final String PACK_ID = "0b8e5d2c-6a71-4f3e-9c24-5d6e7f801234";

  @ParameterizedTest
  @EnumSource(SdkClient.class)
  void everyRequiredArgumentOfEveryOperationIsRefusedWhenNullNamingIt(SdkClient sdk) throws Exception {
    try (SecretGuard guard = SecretGuard.start(); FuzzServer server = new FuzzServer();
        AutoCloseable client = sdk.build(server.url(sdk.basePath()), guard.logger(), true)) {
      assertTrue(sdk.operations().size() > 10, sdk.operations().size() + " operations found");
      assertEquals(List.of(), OperationSweeps.requiredArgumentsNotCheckedForNull(client, sdk.operations()));
      assertEquals(null, server.takeRequest(), "nothing was sent");
    }
  }

  @ParameterizedTest
  @EnumSource(SdkClient.class)
  void aHostilePathArgumentStaysInItsOwnSegmentInEveryOperation(SdkClient sdk) throws Exception {
    try (SecretGuard guard = SecretGuard.start(); FuzzServer server = new FuzzServer();
        AutoCloseable client = sdk.build(server.url(sdk.basePath()), guard.logger(), false)) {
      assertEquals(List.of(), OperationSweeps.pathArgumentsEscapingTheirSegment(client, sdk.operations(), server));
    }
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        fileStorage("id must not be null", NullPointerException.class, c -> c.files().retrieve(null)),
        fileStorage("id must not be null", NullPointerException.class, c -> c.files().download(null)),
        fileStorage("fieldMappingId must not be null", NullPointerException.class,
            c -> c.fieldMappings().partialUpdate(null, new PatchedEditFieldMappingRequest())),
        fileStorage("fieldMappingId must not be null", NullPointerException.class, c -> c.fieldMappings().delete(null)),
        fileStorage("publicToken must not be null", NullPointerException.class, c -> c.accountToken().retrieve(null)),
        fileStorage("asyncPassthroughReceiptId must not be null", NullPointerException.class,
            c -> c.asyncPassthrough().retrieve(null)),
        fileStorage("id must not be blank", IllegalArgumentException.class, c -> c.drives().retrieve(" ")),
        fileStorage("id must not be '.' or '..'", IllegalArgumentException.class, c -> c.users().retrieve("..")),
        fileStorage("request must not be null", NullPointerException.class, c -> c.files().create(null)),
        fileStorage("request must not be null", NullPointerException.class, c -> c.linkToken().create(null)),
        agentHandler("registeredUserId must not be null", NullPointerException.class,
            c -> c.registeredUsers().retrieve(null).execute()),
        agentHandler("connectorSlug must not be null", NullPointerException.class,
            c -> c.toolPacks().removeConnector(PACK_ID, null).execute()),
        agentHandler("toolPackId must not be null", NullPointerException.class,
            c -> c.mcp().call(null, "user-1", new McpRequest().method(McpMethod.TOOLS_LIST)).execute()),
        agentHandler("token must not be null", NullPointerException.class, c -> c.files().download(null).execute()),
        agentHandler("keyId must not be blank", IllegalArgumentException.class,
            c -> c.accessKeys().revoke(" ").execute()),
        agentHandler("request must not be null", NullPointerException.class,
            c -> c.registeredUsers().create(null).execute()),
        agentHandler("connectors must not be null", NullPointerException.class,
            c -> c.toolPacks().replaceConnectors(PACK_ID, null).execute()));
  }

  private static Arguments fileStorage(String message, Class<? extends RuntimeException> type,
      Consumer<FileStorageClient> call) {
    return arguments(SdkClient.FILE_STORAGE, message, type, call);
  }

  private static Arguments agentHandler(String message, Class<? extends RuntimeException> type,
      Consumer<AgentHandlerClient> call) {
    return arguments(SdkClient.AGENT_HANDLER, message, type, call);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("refusals")
  @SuppressWarnings("unchecked")
  <C extends AutoCloseable> void aRefusedArgumentIsNamedInTheMessageBeforeAnythingIsSent(SdkClient sdk,
      String message, Class<? extends RuntimeException> type, Consumer<C> call) throws Exception {
    try (SecretGuard guard = SecretGuard.start(); MergeMock mock = MergeMock.of(sdk.spec()).start();
        AutoCloseable client = sdk.build(mock.baseUrl(), guard.logger(), false)) {
      RuntimeException e = assertThrows(type, () -> call.accept((C) client));
      assertEquals(message, e.getMessage());
      assertEquals(List.of(), mock.requests(), "nothing was sent");
    }
  }
}
