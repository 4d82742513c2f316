package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mergesdk.agenthandler.model.AccessKeyCreate;
import dev.mergesdk.agenthandler.model.ApplicationCredentialUpdate;
import dev.mergesdk.agenthandler.model.RegisteredUserUpdate;
import dev.mergesdk.agenthandler.model.SharedCredentialGroup;
import dev.mergesdk.agenthandler.model.ToolDescriptionOverrideInput;
import dev.mergesdk.core.internal.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A nullable request field has three states: unset (absent), cleared (an explicit null) and set (its value). */
class ClearingFieldsTest {
  private static String json(Object model) {
    return Json.gson().toJson(model);
  }

  @Test
  void anUnsetFieldIsAbsentAndAClearedOneIsAnExplicitNull() {
    assertEquals("{\"client_id\":\"c\"}", json(new ApplicationCredentialUpdate().clientId("c")));
    assertEquals("{\"client_id\":\"c\",\"external_id\":null,\"oauth2_scopes_override\":null}",
        json(new ApplicationCredentialUpdate().clientId("c").clearExternalId().clearOauth2ScopesOverride()));
  }

  @Test
  void aValueSetAfterClearingIsSentInsteadOfTheNull() {
    ApplicationCredentialUpdate update = new ApplicationCredentialUpdate().clearExternalId().externalId("tenant-7");
    assertEquals("{\"external_id\":\"tenant-7\"}", json(update));
  }

  @Test
  void clearingWorksInsideListsAndNestedModels() {
    List<ToolDescriptionOverrideInput> overrides = List.of(
        new ToolDescriptionOverrideInput().connectorSlug("linear").toolName("create_issue").clearDescription(),
        new ToolDescriptionOverrideInput().connectorSlug("linear").toolName("search").description("Find issues"));
    assertEquals("[{\"connector_slug\":\"linear\",\"tool_name\":\"create_issue\",\"description\":null},"
        + "{\"connector_slug\":\"linear\",\"tool_name\":\"search\",\"description\":\"Find issues\"}]", json(overrides));
    RegisteredUserUpdate update = new RegisteredUserUpdate()
        .sharedCredentialGroup(new SharedCredentialGroup().clearOriginCompanyId().originCompanyName("Acme"));
    assertEquals("{\"shared_credential_group\":{\"origin_company_name\":\"Acme\",\"origin_company_id\":null}}",
        json(update));
    assertEquals("{\"shared_credential_group\":null}", json(new RegisteredUserUpdate().clearSharedCredentialGroup()));
  }

  @Test
  void anAccessKeyThatNeverExpiresIsAskedForWithAnExplicitNull() {
    assertEquals("{\"name\":\"ci\"}", json(new AccessKeyCreate().name("ci")));
    assertEquals("{\"name\":\"ci\",\"expires_at\":null}", json(new AccessKeyCreate().name("ci").clearExpiresAt()));
  }

  @Test
  void theModelDecodesAsBeforeAndReadingNeverSetsTheFlag() {
    ApplicationCredentialUpdate read = Json.gson().fromJson("{\"external_id\":null,\"client_id\":\"c\"}",
        ApplicationCredentialUpdate.class);
    assertEquals("{\"client_id\":\"c\"}", json(read), "a null that was read is not sent back");
  }
}
