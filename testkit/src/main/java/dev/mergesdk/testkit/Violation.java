package dev.mergesdk.testkit;

/** One way an exchange broke the spec: which operation, which side, and what (the field is in the message). */
public final class Violation {
  private final String operationId;
  private final String method;
  private final String target;
  private final String side;
  private final String key;
  private final String message;

  Violation(String operationId, String method, String target, String side, String key, String message) {
    this.operationId = operationId;
    this.method = method;
    this.target = target;
    this.side = side;
    this.key = key;
    this.message = message;
  }

  /** {@return the operation the request was matched to, or {@code null} when none matched} */
  public String operationId() {
    return operationId;
  }

  /** {@return the request's method} */
  public String method() {
    return method;
  }

  /** {@return the request's path and query} */
  public String target() {
    return target;
  }

  /** {@return {@code request} or {@code response}} */
  public String side() {
    return side;
  }

  /** {@return the validator's message key, e.g. {@code validation.request.parameter.query.missing}} */
  public String key() {
    return key;
  }

  /** {@return the message, naming the parameter, header or body field at fault} */
  public String message() {
    return message;
  }

  @Override
  public String toString() {
    return (operationId == null ? "(no operation)" : operationId) + " " + method + " " + target + ": " + side + ": "
        + message + " [" + key + "]";
  }
}
