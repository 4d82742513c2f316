/**
 * A stand-in for either Merge API in your tests: {@link dev.mergesdk.testkit.MergeMock} serves the spec's examples
 * or your stubs ({@link dev.mergesdk.testkit.Stub}), checks every request and response against the spec
 * ({@code ContractValidator}, {@code ContractDispatcher}; a break is a {@link
 * dev.mergesdk.testkit.ContractViolationError}), records calls ({@link dev.mergesdk.testkit.RecordedCall}) and
 * injects faults ({@link dev.mergesdk.testkit.Fault}); {@link dev.mergesdk.testkit.Webhooks} signs deliveries for
 * your webhook handler.
 */
package dev.mergesdk.testkit;
