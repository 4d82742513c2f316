package dev.mergesdk.agenthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mergesdk.agenthandler.model.AgentClaim;
import dev.mergesdk.agenthandler.model.AgentSignup;
import dev.mergesdk.core.ConflictException;
import java.time.OffsetDateTime;
import dev.mergesdk.testkit.RecordedCall;
import dev.mergesdk.testkit.MergeMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AgentTest {
  @RegisterExtension
  final MergeMock server = TestClients.mock();
  private final AgentHandlerClient client = TestClients.client(server);

  @Test
  void signupPostsWithoutABodyOrTheKeyAndDecodesTheNewOrganisationWithoutShowingSecrets() {
    server.enqueueFixture(201, "agent_signup");

    AgentSignup signup = client.agent().signup().execute();

    RecordedCall request = server.takeRequest();
    assertEquals("POST", request.method());
    assertEquals("/api/v1/agent/signup/", request.target());
    assertEquals(0, request.bodySize());
    assertNull(request.header("Authorization"), "signup needs no key, so it is not sent");
    assertEquals("ah_prod_Ag3ntK3yV4lu3xxxxxxxxxxxxxxxxxx", signup.getApiKey());
    assertEquals("8c7b6a59-4838-4271-a605-f4e3d2c1b0a9", signup.getOrganization().getId());
    assertEquals("0b8e5d2c-6a71-4f3e-9c24-5d6e7f801234", signup.getToolPackId());
    assertEquals("7f1c2a9e-3b4d-4c5e-8f60-1a2b3c4d5e6f", signup.getRegisteredUserId());
    assertEquals(OffsetDateTime.parse("2026-03-12T10:00:00Z"), signup.getClaimExpiresAt());
    assertFalse(signup.toString().contains("Ag3ntK3y"), "toString() must mask the key: " + signup);
    assertFalse(signup.toString().contains("cl_Yt5Rw2Qp"), "toString() must mask the claim link: " + signup);
  }

  @Test
  void reissueClaimReturnsANewClaimLinkAndReportsAnAlreadyClaimedOrganisationAsAConflict() {
    server.enqueueFixture(201, "agent_reissueClaim");
    server.enqueueJson(409, "{\"error\": \"organization_already_claimed\"}");

    AgentClaim claim = client.agent().reissueClaim().execute();
    ConflictException conflict = org.junit.jupiter.api.Assertions.assertThrows(ConflictException.class,
        () -> client.agent().reissueClaim().execute());

    server.takeRequestWithoutBody("POST", "/agent/claim/");
    server.takeRequestWithoutBody("POST", "/agent/claim/");
    assertEquals("https://ah.merge.dev/claim/cl_Bn8Kx1Zs", claim.getClaimUrl());
    assertEquals(409, conflict.statusCode());
    assertEquals("organization_already_claimed", conflict.error().code().orElseThrow());
  }
}
