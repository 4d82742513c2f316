package dev.mergesdk.core;

/** One execution of a call, as {@link CallListener} sees it. Compared by identity: each execution is its own. */
public final class CallInfo {
  private final String operation;
  private final String method;
  private final String url;
  private final String host;

  CallInfo(String operation, String method, String url, String host) {
    this.operation = operation;
    this.method = method;
    this.url = url;
    this.host = host;
  }

  /** {@return the operation, as its group and method ({@code FilesApi.list}), or {@code raw} for a raw request} */
  public String operation() {
    return operation;
  }

  /** {@return the HTTP method} */
  public String method() {
    return method;
  }

  /** {@return the URL, with secret query values and any password masked} */
  public String url() {
    return url;
  }

  /** {@return the host the call goes to} */
  public String host() {
    return host;
  }

  @Override
  public String toString() {
    return "CallInfo{" + operation + " " + method + " " + url + "}";
  }
}
