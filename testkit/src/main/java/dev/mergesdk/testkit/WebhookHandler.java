package dev.mergesdk.testkit;

import java.util.Map;

/**
 * Your webhook endpoint, as a plain function of the request's headers and raw body, so a test can drive it without
 * a servlet container or an HTTP server: {@link WebhookDelivery#deliverTo} calls it.
 *
 * @param <R> what the handler answers, such as an HTTP status
 */
@FunctionalInterface
public interface WebhookHandler<R> {
  /**
   * @param headers the request headers; names are case-insensitive
   * @param body the raw request body
   * @return the handler's answer
   * @throws Exception whatever the handler throws; it reaches the test unchanged
   */
  R handle(Map<String, String> headers, byte[] body) throws Exception;
}
