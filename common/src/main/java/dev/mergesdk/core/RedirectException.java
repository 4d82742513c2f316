package dev.mergesdk.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API answered with a redirect the SDK does not follow: every redirect of a JSON operation (these APIs do not
 * redirect them, and following one could hand the request to another host), or a download redirect that would go
 * from https to http or past the hop limit. Nothing was sent to the target.
 */
public class RedirectException extends ApiException {
  private static final long serialVersionUID = 1L;
  /** The redirect target, masked. */
  private final String location;

  /**
   * Creates the exception; the SDK does this when a redirect is not followed.
   *
   * @param message a summary naming the request, status, target and reason, free of secrets
   * @param statusCode the 3xx status
   * @param headers the response headers, names lower-cased
   * @param body the raw response body
   * @param location the redirect target with any password and secret query parameter masked, or null if none
   */
  public RedirectException(String message, int statusCode, Map<String, List<String>> headers, String body,
      String location) {
    super(message, statusCode, headers, body);
    this.location = location;
  }

  /** {@return where the server redirected to, with any password and secret query parameter masked} */
  public Optional<String> location() {
    return Optional.ofNullable(location);
  }
}
