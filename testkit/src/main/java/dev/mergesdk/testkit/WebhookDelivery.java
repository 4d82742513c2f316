package dev.mergesdk.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A webhook delivery as Merge would send it: a JSON body and its headers, the signature among them. Build one with
 * {@link Webhooks#fileStorage} or {@link Webhooks#agentHandler}, hand it to your handler with {@link #deliverTo},
 * or POST it to a running endpoint with {@link #postTo}. The {@code with...} methods derive deliveries your
 * endpoint must refuse (a changed body, another signature, none). Immutable.
 *
 * <pre>{@code
 * WebhookDelivery delivery = Webhooks.fileStorage(SIGNATURE_KEY,
 *     Webhooks.fileStorageEnvelope("File.changed", fileJson));
 * assertEquals(200, delivery.deliverTo(myEndpoint::handle));
 * assertEquals(401, delivery.withBody("{\"forged\":true}").deliverTo(myEndpoint::handle));
 * }</pre>
 */
public final class WebhookDelivery {
  private final String signatureHeader;
  private final Map<String, String> headers;
  private final byte[] body;

  private WebhookDelivery(String signatureHeader, Map<String, String> headers, byte[] body) {
    this.signatureHeader = signatureHeader;
    this.headers = headers;
    this.body = body;
  }

  static WebhookDelivery signed(String signatureHeader, String signature, byte[] body) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Content-Type", "application/json");
    headers.put(signatureHeader, signature);
    return new WebhookDelivery(signatureHeader, Collections.unmodifiableMap(headers), body.clone());
  }

  /** {@return the headers, the signature among them; names are case-insensitive; unmodifiable} */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * @param name a header name, in any case
   * @return its value, or null when the delivery has no such header
   */
  public String header(String name) {
    return headers.get(name);
  }

  /** {@return the name of the header that carries the signature} */
  public String signatureHeader() {
    return signatureHeader;
  }

  /** {@return the signature, or null when it was removed} */
  public String signature() {
    return headers.get(signatureHeader);
  }

  /** {@return the raw body (a copy)} */
  public byte[] body() {
    return body.clone();
  }

  /** {@return the body as UTF-8 text} */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * @param otherBody a body the signature was not made for
   * @return the same headers, signature included, with another body: a tampered delivery
   */
  public WebhookDelivery withBody(String otherBody) {
    if (otherBody == null) {
      throw new NullPointerException("otherBody must not be null");
    }
    return new WebhookDelivery(signatureHeader, headers, otherBody.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param signature another signature value, such as one made with the wrong key or in another encoding
   * @return the same delivery with that signature
   */
  public WebhookDelivery withSignature(String signature) {
    if (signature == null) {
      throw new NullPointerException("signature must not be null");
    }
    return withHeader(signatureHeader, signature);
  }

  /** {@return the same delivery without the signature header} */
  public WebhookDelivery withoutSignature() {
    Map<String, String> changed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    changed.putAll(headers);
    changed.remove(signatureHeader);
    return new WebhookDelivery(signatureHeader, Collections.unmodifiableMap(changed), body);
  }

  /**
   * @param name a header name
   * @param value its value
   * @return the same delivery with that header set (replacing one of the same name)
   */
  public WebhookDelivery withHeader(String name, String value) {
    if (name == null) {
      throw new NullPointerException("name must not be null");
    }
    if (value == null) {
      throw new NullPointerException("value must not be null");
    }
    Map<String, String> changed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    changed.putAll(headers);
    changed.put(name, value);
    return new WebhookDelivery(signatureHeader, Collections.unmodifiableMap(changed), body);
  }

  /**
   * Calls your handler as your web framework would.
   *
   * @param handler your endpoint, as a function of headers and raw body
   * @param <R> what it answers
   * @return its answer
   * @throws Exception whatever the handler throws
   */
  public <R> R deliverTo(WebhookHandler<R> handler) throws Exception {
    if (handler == null) {
      throw new NullPointerException("handler must not be null");
    }
    return handler.handle(headers, body.clone());
  }

  /**
   * POSTs the delivery to a running endpoint, as Merge would (for tests of a whole application on a local port).
   *
   * @param endpoint the endpoint's URL
   * @return the HTTP status it answered
   * @throws IOException when the endpoint cannot be reached
   * @throws InterruptedException when interrupted while waiting for the answer
   */
  public int postTo(URI endpoint) throws IOException, InterruptedException {
    if (endpoint == null) {
      throw new NullPointerException("endpoint must not be null");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Names the signature header and the body size; neither the signature nor the body. */
  @Override
  public String toString() {
    return "WebhookDelivery{" + body.length + " bytes, " + (signature() == null ? "unsigned" : "signed in "
        + signatureHeader) + "}";
  }
}
