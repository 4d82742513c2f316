package dev.mergesdk.agenthandler;

import dev.mergesdk.core.AbstractGeneratedSurfaceTest;
import dev.mergesdk.testkit.ApiSpec;

/** The Agent Handler client's generated code: annotations and toString() as the spec says. */
class GeneratedSurfaceTest extends AbstractGeneratedSurfaceTest {
  GeneratedSurfaceTest() {
    super(AgentHandlerClient.class, "dev.mergesdk.agenthandler.model", ApiSpec.agentHandler().openApi());
  }
}
