package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import dev.mergesdk.core.JsonMutator;
import dev.mergesdk.agenthandler.model.RegisteredUser;
import dev.mergesdk.agenthandler.model.UserType;
import dev.mergesdk.core.WebhookPayloadException;
import dev.mergesdk.core.WebhookSignatureException;
import dev.mergesdk.core.WebhookSignatureException.Reason;
import dev.mergesdk.testkit.WebhookDelivery;
import dev.mergesdk.testkit.Webhooks;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;

/**
 * Agent Handler deliveries signed in any encoding the SDK accepts (hex, Base64 in either alphabet) verify; others
 * are refused with their reason. The envelope stays raw JSON, and its data decodes into the model asked for.
 */
class AgentHandlerWebhooksTest {
  /** Reads the module's response fixtures (the mock is never started). */
  private static final MergeMock FIXTURES = MergeMock.agentHandler().fixtures("/fixtures/agenthandler/");

  private static final String KEY = "test-ah-signature-key";

  private static String registeredUserCreated() {
    return "{\"event\": \"registered_user.created\", \"data\": " + FIXTURES.fixture("registeredUsers_retrieve")
        + "}";
  }

  @Test
  void aSignedDeliveryVerifiesAndItsDataDecodesIntoTheModelAskedFor() {
    WebhookDelivery delivery = Webhooks.agentHandler(KEY, registeredUserCreated());

    AgentHandlerWebhookEvent event = AgentHandlerWebhooks.verifyAndParse(KEY, delivery.body(),
        delivery.header(AgentHandlerWebhooks.SIGNATURE_HEADER));

    assertEquals("registered_user.created", event.event().orElseThrow());
    RegisteredUser user = event.dataAs(RegisteredUser.class).orElseThrow();
    assertEquals("user-1042", user.getOriginUserId());
    assertEquals(UserType.HUMAN, user.getUserType());
    assertEquals(List.of("slack", "linear"), user.getAuthenticatedConnectors());
    assertEquals(JsonParser.parseString(FIXTURES.fixture("registeredUsers_retrieve")), event.data());
    assertEquals(JsonParser.parseString(registeredUserCreated()), event.envelope());
  }

  @Test
  void theSignatureIsAcceptedInHexAndBase64InEitherAlphabetPaddedOrNot() {
    String body = registeredUserCreated();
    byte[] mac = HexFormat.of().parseHex(Webhooks.signHex(KEY, body));
    for (String signature : List.of(HexFormat.of().formatHex(mac), HexFormat.of().formatHex(mac).toUpperCase(Locale.ROOT),
        Base64.getEncoder().encodeToString(mac), Base64.getEncoder().withoutPadding().encodeToString(mac),
        Base64.getUrlEncoder().encodeToString(mac), Base64.getUrlEncoder().withoutPadding().encodeToString(mac))) {
      AgentHandlerWebhooks.verify(KEY, body, signature);
    }
  }

  @Test
  void tamperedUnsignedAndMisSignedDeliveriesAreRefusedWithTheirReason() {
    WebhookDelivery delivery = Webhooks.agentHandler(KEY, registeredUserCreated());
    Map<WebhookDelivery, Reason> refused = new LinkedHashMap<>();
    refused.put(delivery.withBody(delivery.bodyText().replace("Ada", "Eve")), Reason.MISMATCH);
    refused.put(delivery.withSignature(Webhooks.signHex("another-key", delivery.bodyText())), Reason.MISMATCH);
    refused.put(delivery.withoutSignature(), Reason.MISSING);
    refused.put(delivery.withSignature("sha256=" + delivery.signature()), Reason.MALFORMED);
    refused.forEach((d, reason) -> {
      WebhookSignatureException e = assertThrows(WebhookSignatureException.class,
          () -> AgentHandlerWebhooks.verifyAndParse(KEY, d.bodyText(), d.header("x-merge-signature")));
      assertEquals(reason, e.reason(), d.toString());
      assertTrue(e.getMessage().contains("X-Merge-Signature"), e.getMessage());
      assertFalse(e.getMessage().contains(KEY), e.getMessage());
      assertFalse(e.getMessage().contains(delivery.signature().substring(0, 16)), e.getMessage());
    });
  }

  @Test
  void theEventNameIsReadFromWhicheverMemberCarriesIt() {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("{\"event\": \"tool_call.completed\", \"type\": \"ignored\"}", "tool_call.completed");
    bodies.put("{\"event_type\": \"credential.expired\", \"data\": {}}", "credential.expired");
    bodies.put("{\"type\": \"registered_user.deleted\", \"data\": {\"id\": \"u\"}}", "registered_user.deleted");
    bodies.put("{\"event\": {\"name\": \"nested\"}, \"type\": \"inbound_webhook.received\"}", "inbound_webhook.received");
    bodies.forEach((body, name) -> assertEquals(name, AgentHandlerWebhooks.parse(body).event().orElseThrow(), body));

    AgentHandlerWebhookEvent unnamed = AgentHandlerWebhooks.parse("{\"data\": [1, 2]}");
    assertTrue(unnamed.event().isEmpty());
    assertEquals(JsonParser.parseString("[1, 2]"), unnamed.data());
  }

  @Test
  void anEnvelopeWithoutDataHasNone() {
    AgentHandlerWebhookEvent event = AgentHandlerWebhooks.parse("{\"event\": \"rule_violation\"}");

    assertEquals(JsonNull.INSTANCE, event.data());
    assertTrue(event.dataAs(RegisteredUser.class).isEmpty());
  }

  @Test
  void membersTheModelDoesNotKnowAreKeptAndDataThatDoesNotFitIsATypedFailure() {
    AgentHandlerWebhookEvent event = AgentHandlerWebhooks.parse(
        "{\"event\": \"registered_user.created\", \"data\": {\"id\": \"u1\", \"origin_user_email\": \"ada@example.com\"}}");
    assertEquals("ada@example.com",
        event.dataAs(RegisteredUser.class).orElseThrow().unknownFields().get("origin_user_email").getAsString());

    AgentHandlerWebhookEvent misfit = AgentHandlerWebhooks.parse(
        "{\"event\": \"registered_user.created\", \"data\": {\"authenticated_connectors\": {\"slack\": true}}}");
    WebhookPayloadException e = assertThrows(WebhookPayloadException.class, () -> misfit.dataAs(RegisteredUser.class));
    assertTrue(e.getMessage().startsWith("the data of registered_user.created does not fit RegisteredUser: "),
        e.getMessage());
  }

  @Test
  void bodiesThatAreNotAJsonObjectAreTypedFailures() {
    Map<String, String> cases = Map.of(
        "{\"event\": ", "the webhook body is not JSON: ",
        "\"registered_user.created\"", "the webhook body is not a JSON object");
    cases.forEach((body, message) -> {
      WebhookPayloadException e = assertThrows(WebhookPayloadException.class,
          () -> AgentHandlerWebhooks.verifyAndParse(KEY, body, Webhooks.signHex(KEY, body)));
      assertTrue(e.getMessage().startsWith(message), e.getMessage());
    });
  }

  @Test
  void toStringNamesTheEventButNoneOfTheUsersData() {
    String text = AgentHandlerWebhooks.parse(registeredUserCreated()).toString();

    assertEquals("AgentHandlerWebhookEvent{registered_user.created, members [event, data]}", text);
  }

  @Test
  void mutatedDeliveriesParseOrFailWithWebhookPayloadExceptionOnly() {
    byte[] envelope = registeredUserCreated().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    long seed = 20261202L;
    List<String> unexpected = new java.util.ArrayList<>();
    for (JsonMutator.Mutation mutation : JsonMutator.mutations(envelope, seed,
        Integer.getInteger("merge.fuzz.mutations", 40))) {
      try {
        AgentHandlerWebhookEvent event = AgentHandlerWebhooks.verifyAndParse(KEY, mutation.body(),
            Webhooks.sign(KEY, mutation.body()));
        event.event();
        event.data();
        event.dataAs(RegisteredUser.class);
      } catch (WebhookPayloadException expected) {
        // the one failure a signed but mis-shaped body may cause
      } catch (RuntimeException | StackOverflowError e) {
        unexpected.add(mutation.kind() + " -> " + e);
      }
    }
    assertEquals(List.of(), unexpected, "seed " + seed);
  }

  @Test
  void badArgumentsAreRefusedNamingTheArgument() {
    assertEquals("rawBody must not be null", assertThrows(NullPointerException.class,
        () -> AgentHandlerWebhooks.parse((byte[]) null)).getMessage());
    assertEquals("signatureKey must not be blank", assertThrows(IllegalArgumentException.class,
        () -> AgentHandlerWebhooks.verify(" ", "{}", "x")).getMessage());
    assertEquals("type must not be null", assertThrows(NullPointerException.class,
        () -> AgentHandlerWebhooks.parse("{}").dataAs(null)).getMessage());
  }
}
