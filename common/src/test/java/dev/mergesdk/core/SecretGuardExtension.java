package dev.mergesdk.core;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs every test of a class under its own {@link SecretGuard}: register it with {@code @RegisterExtension}, give
 * clients {@code guard().logger()}, hand exceptions to {@code guard().check(...)}; the test fails if a secret
 * appeared anywhere.
 */
public final class SecretGuardExtension implements BeforeEachCallback, AfterEachCallback {
  private SecretGuard guard;

  /** @return the current test's guard */
  public SecretGuard guard() {
    return guard;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    guard = SecretGuard.start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    SecretGuard finished = guard;
    guard = null;
    finished.close();
  }
}
