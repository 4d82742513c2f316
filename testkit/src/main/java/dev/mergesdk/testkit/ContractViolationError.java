package dev.mergesdk.testkit;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when traffic broke the spec; the message lists every violation. */
public final class ContractViolationError extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  ContractViolationError(ApiSpec spec, List<Violation> violations) {
    super(violations.size() + " contract violation(s) against the " + spec.title() + " spec (" + spec.name()
        + ".yaml):\n  - " + violations.stream().map(Violation::toString).collect(Collectors.joining("\n  - ")));
    this.violations = Collections.unmodifiableList(violations);
  }

  /** {@return the violations} */
  public List<Violation> violations() {
    return violations;
  }
}
