package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.mergesdk.agenthandler.AgentHandlerClient;
import dev.mergesdk.agenthandler.model.AgentSignup;
import dev.mergesdk.agenthandler.model.RegisteredUserUpdate;
import dev.mergesdk.core.internal.NoAuth;
import dev.mergesdk.core.NotFoundException;
import dev.mergesdk.core.RequestOptions;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.filestorage.FileStorageClient;
import dev.mergesdk.filestorage.FilesApi;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The escape hatches through the real clients and the testkit: operations that need no credential, extra query
 * parameters and body members, and requests by path. The mock checks every request against the spec, including
 * that an operation with {@code security: []} receives no credential.
 */
class EscapeHatchesTest {
  @RegisterExtension
  final MergeMock ah = MergeMock.agentHandler();
  @RegisterExtension
  final MergeMock fs = MergeMock.fileStorage();

  @Test
  void anAgentSignsUpOnAClientWithoutAnAccessKeyAndNothingElseIsSentFromIt() {
    try (AgentHandlerClient client = AgentHandlerClient.builder().baseUrl(ah.baseUrl()).build()) {
      AgentSignup signup = client.agent().signup().execute();
      assertTrue(signup.getApiKey().startsWith("ah_prod_"), signup.getApiKey());
      IllegalStateException keyed = assertThrows(IllegalStateException.class,
          () -> client.agent().reissueClaim().execute());
      assertTrue(keyed.getMessage().startsWith("POST " + ah.baseUrl() + "agent/claim/ needs an API key"),
          keyed.getMessage());
    }
    assertEquals(List.of("agent_signup"), ah.requests().stream().map(RecordedCall::operationId).collect(
        java.util.stream.Collectors.toList()));
    assertNull(ah.lastRequest().header("Authorization"));
  }

  @Test
  void signupFromAKeyedClientCarriesNoKeyEitherWhileTheOtherOperationsDo() {
    try (AgentHandlerClient client = AgentHandlerClient.builder().apiKey("ah_test_key_for_mock")
        .baseUrl(ah.baseUrl()).build()) {
      client.agent().signup().execute();
      client.agent().reissueClaim().execute();
    }
    assertNull(ah.requests("agent_signup").get(0).header("Authorization"));
    assertEquals("Bearer ah_test_key_for_mock", ah.requests("agent_reissueClaim").get(0).header("Authorization"));
  }

  @Test
  void theMockReportsACredentialSentToAnOperationThatNeedsNone() {
    ah.allowViolations();
    try (AgentHandlerClient client = AgentHandlerClient.builder().apiKey("k").baseUrl(ah.baseUrl()).build()) {
      client.raw().request("POST", "/agent/signup/", Map.of(), null).execute();
    }
    List<Violation> violations = ah.violations();
    assertEquals(1, violations.size(), violations.toString());
    assertEquals("validation.request.security.unexpected", violations.get(0).key());
    assertEquals("the operation needs no credential (security: []), yet the request carries Authorization",
        violations.get(0).message());
  }

  @Test
  void exactlyTheOperationsTheSpecLeavesWithoutSecurityAreOpenInTheGeneratedClients() throws Exception {
    assertEquals(openInSpec(ApiSpec.agentHandler()), openInClient(AgentHandlerClient.class, ApiSpec.agentHandler()));
    assertEquals(Set.of("agent_signup"), openInSpec(ApiSpec.agentHandler()));
    assertEquals(openInSpec(ApiSpec.fileStorage()), openInClient(FileStorageClient.class, ApiSpec.fileStorage()));
    // Hence a key-less client is refused where it could do nothing.
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> FileStorageClient.builder().baseUrl(fs.baseUrl()).build());
    assertEquals("apiKey is required: set it with Merge File Storage API client builder's apiKey(...)", e.getMessage());
  }

  private static Set<String> openInSpec(ApiSpec spec) {
    Set<String> open = new TreeSet<>();
    for (SpecOperation op : spec.operations()) {
      if (op.operation().getSecurity() != null && op.operation().getSecurity().isEmpty()) {
        open.add(op.operationId());
      }
    }
    return open;
  }

  /** The operations whose Retrofit binding the generator marked {@link NoAuth}, by the spec operation they send. */
  private static Set<String> openInClient(Class<?> client, ApiSpec spec) throws Exception {
    Set<String> open = new TreeSet<>();
    for (Method group : client.getMethods()) {
      if (group.getParameterCount() != 0 || group.getReturnType().getPackage() != client.getPackage()
          || !group.getReturnType().getSimpleName().endsWith("Api")) {
        continue;
      }
      Class<?> service = Class.forName(group.getReturnType().getName() + "$Service");
      for (Method m : service.getDeclaredMethods()) {
        if (m.isAnnotationPresent(NoAuth.class)) {
          open.add(operationOf(m, spec));
        }
      }
    }
    return open;
  }

  private static String operationOf(Method binding, ApiSpec spec) {
    for (java.lang.annotation.Annotation a : binding.getAnnotations()) {
      String type = a.annotationType().getSimpleName();
      if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(type)) {
        try {
          String path = (String) a.annotationType().getMethod("value").invoke(a);
          return spec.find(type, spec.basePath() + "/" + path.replaceAll("\\{[^}]+}", "x")).orElseThrow()
              .operationId();
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError("no HTTP method on " + binding);
  }

  @Test
  void aRawRequestReachesAnOperationOfTheSpecWithTheClientsCredentials() {
    JsonElement page;
    try (FileStorageClient client = FileStorageClient.builder().apiKey("k").accountToken("acct-token")
        .baseUrl(fs.baseUrl()).build()) {
      page = client.raw().get("/files", Map.of("page_size", "1")).execute();
      NotFoundException missing = assertThrows(NotFoundException.class,
          () -> client.raw().get("/not-in-the-spec").execute());
      assertTrue(missing.getMessage().contains("no operation of the Merge File Storage"), missing.getMessage());
    }
    assertTrue(page.getAsJsonObject().get("results").isJsonArray(), page.toString());
    RecordedCall call = fs.requests("files_list").get(0);
    assertEquals("1", call.queryParameter("page_size"));
    assertEquals("Bearer k", call.header("Authorization"));
    assertEquals("acct-token", call.header("X-Account-Token"));
    fs.reset(); // the unknown path was answered 404 on purpose
  }

  @Test
  void extraQueryParametersAndBodyMembersReachTheServerBesideTheModelledOnesAndTheMockNamesThem() {
    ah.allowViolations(); // what the spec does not describe yet is, by definition, outside its contract
    try (AgentHandlerClient client = AgentHandlerClient.builder().apiKey("k").baseUrl(ah.baseUrl())
        .retryPolicy(RetryPolicy.none()).build()) {
      client.registeredUsers().partialUpdate("7f1c2a9e-3b4d-4c5e-8f60-1a2b3c4d5e6f",
              new RegisteredUserUpdate().originUserName("Ada"))
          .with(RequestOptions.builder().extraBodyMember("preferred_locale", new JsonPrimitive("en-GB"))
              .extraBodyMember("beta_note", JsonNull.INSTANCE).extraQueryParameter("dry_run", "true").build())
          .execute();
    }
    RecordedCall call = ah.requests("registeredUsers_partialUpdate").get(0);
    assertEquals("true", call.queryParameter("dry_run"));
    assertEquals(JsonParser.parseString("{\"origin_user_name\":\"Ada\",\"preferred_locale\":\"en-GB\","
        + "\"beta_note\":null}"), JsonParser.parseString(call.body()));
    Set<String> violations = new TreeSet<>();
    ah.violations().forEach(v -> violations.add(v.key() + ": " + v.message()));
    assertEquals(Set.of("validation.request.body.schema.additionalProperties: Object instance has properties which"
            + " are not allowed by the schema: [\"beta_note\",\"preferred_locale\"]",
        "validation.request.parameter.query.unexpected: Query parameter 'dry_run' is unexpected on path"
            + " \"/registered-users/{registered_user_id}/\""), violations);
  }

  @Test
  void extraQueryParametersGoWithEveryPageOfAList() {
    fs.allowViolations();
    fs.stub("files_list").respondPages("[{\"id\":\"6c1f0000-0000-4000-8000-00000000000a\"},"
        + "{\"id\":\"6c1f0000-0000-4000-8000-00000000000b\"},{\"id\":\"6c1f0000-0000-4000-8000-00000000000c\"}]", 2);
    List<String> names = new ArrayList<>();
    try (FileStorageClient client = FileStorageClient.builder().apiKey("k").accountToken("t").baseUrl(fs.baseUrl())
        .build()) {
      client.files().list(FilesApi.ListParams.builder().pageSize(2).build())
          .with(RequestOptions.builder().extraQueryParameter("include_shared_drives", "true").build())
          .autoPage().forEach(f -> names.add(f.getId()));
    }
    assertEquals(3, names.size());
    assertEquals(2, fs.requests("files_list").size());
    fs.requests("files_list").forEach(c -> assertEquals("true", c.queryParameter("include_shared_drives")));
    fs.violations().forEach(v -> assertEquals("validation.request.parameter.query.unexpected", v.key(), v.toString()));
  }
}
