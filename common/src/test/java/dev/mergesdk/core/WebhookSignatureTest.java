package dev.mergesdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mergesdk.core.WebhookSignature.Encoding;
import dev.mergesdk.core.WebhookSignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The verifier accepts exactly the HMAC-SHA256 of the raw body under the key, in the encodings it was built with,
 * and refuses everything else with a typed reason and a message that never repeats the key or the expected value.
 */
class WebhookSignatureTest {
  /** RFC 4231, test case 2: the published HMAC-SHA256 of this data under this key. */
  private static final String RFC_KEY = "Jefe";
  private static final byte[] RFC_DATA = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RFC_MAC = HexFormat.of()
      .parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");

  private static final String HEADER = "X-Test-Signature";
  private static final WebhookSignature ANY = WebhookSignature.hmacSha256(HEADER, Encoding.HEX, Encoding.BASE64,
      Encoding.BASE64URL);
  private static final WebhookSignature BASE64_ONLY = WebhookSignature.hmacSha256(HEADER, Encoding.BASE64URL,
      Encoding.BASE64);
  private static final WebhookSignature URL_SAFE_ONLY = WebhookSignature.hmacSha256(HEADER, Encoding.BASE64URL);

  private static final String KEY = "whsec-7d1f0c9a4b2e8f6a3c5d";

  @Test
  void thePublishedTestVectorVerifiesInEveryEncodingAndItsVariants() {
    List<String> forms = List.of(
        HexFormat.of().formatHex(RFC_MAC),
        HexFormat.of().formatHex(RFC_MAC).toUpperCase(Locale.ROOT),
        Base64.getEncoder().encodeToString(RFC_MAC),
        Base64.getEncoder().withoutPadding().encodeToString(RFC_MAC),
        Base64.getUrlEncoder().encodeToString(RFC_MAC),
        Base64.getUrlEncoder().withoutPadding().encodeToString(RFC_MAC),
        "  " + Base64.getUrlEncoder().encodeToString(RFC_MAC) + "\t");
    for (String form : forms) {
      ANY.verify(RFC_KEY, RFC_DATA, form);
    }
  }

  @Test
  void aBodyChangedByOneByteIsAMismatch() {
    byte[] body = "{\"hook\":{\"event\":\"File.changed\"}}".getBytes(StandardCharsets.UTF_8);
    String signature = base64url(KEY, body);
    body[body.length - 2] = ' ';

    WebhookSignatureException e = assertThrows(WebhookSignatureException.class,
        () -> BASE64_ONLY.verify(KEY, body, signature));

    assertEquals(Reason.MISMATCH, e.reason());
    assertEquals("the X-Test-Signature header does not match the body (" + body.length + " bytes): check the "
        + "signature key, and pass the body exactly as received, not parsed and written again", e.getMessage());
  }

  @Test
  void anotherKeyIsAMismatchAndTheMessageRepeatsNeitherKeyNorExpectedSignature() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String signedWithOtherKey = base64url("another-key", body);

    WebhookSignatureException e = assertThrows(WebhookSignatureException.class,
        () -> BASE64_ONLY.verify(KEY, body, signedWithOtherKey));

    assertEquals(Reason.MISMATCH, e.reason());
    String expected = base64url(KEY, body);
    for (String secret : List.of(KEY, expected, expected.substring(0, 12), hex(KEY, body).substring(0, 12))) {
      assertFalse(e.getMessage().contains(secret), "message must not contain " + secret + ": " + e.getMessage());
    }
  }

  @Test
  void aMissingOrEmptyHeaderIsReportedAsMissing() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    for (String header : new String[] {null, "", "   "}) {
      WebhookSignatureException e = assertThrows(WebhookSignatureException.class,
          () -> ANY.verify(KEY, body, header));
      assertEquals(Reason.MISSING, e.reason());
      assertEquals("no webhook signature: the X-Test-Signature header is missing or empty", e.getMessage());
    }
  }

  @Test
  void aValueThatIsNoSignatureInAnAcceptedEncodingIsMalformed() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    byte[] mac = mac(KEY, body);
    byte[] shorter = java.util.Arrays.copyOf(mac, 31);
    byte[] longer = java.util.Arrays.copyOf(mac, 33);
    String url = Base64.getUrlEncoder().encodeToString(mac);
    List<String> values = List.of(
        "not a signature",
        "sha256=" + hex(KEY, body),
        Base64.getUrlEncoder().encodeToString(shorter),
        Base64.getUrlEncoder().encodeToString(longer),
        HexFormat.of().formatHex(shorter),
        url.substring(0, url.length() - 2) + "é=",
        hex(KEY, body).replace(hex(KEY, body).charAt(0), 'g'));
    for (String value : values) {
      WebhookSignatureException e = assertThrows(WebhookSignatureException.class,
          () -> ANY.verify(KEY, body, value), value);
      assertEquals(Reason.MALFORMED, e.reason(), value);
      assertEquals("the X-Test-Signature header is not an HMAC-SHA256 signature in Base64url or Base64 or hex ("
          + value.trim().length() + " characters)", e.getMessage());
    }
  }

  @Test
  void anEncodingTheVerifierWasNotBuiltWithIsMalformedEvenWhenTheValueIsRight() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

    WebhookSignatureException hex = assertThrows(WebhookSignatureException.class,
        () -> BASE64_ONLY.verify(KEY, body, hex(KEY, body)));
    assertEquals(Reason.MALFORMED, hex.reason());
    assertEquals("the X-Test-Signature header is not an HMAC-SHA256 signature in Base64url or Base64 (64 "
        + "characters)", hex.getMessage());

    byte[] withStandardOnlyCharacters = bodyWhoseStandardBase64Has('+', '/');
    String standard = Base64.getEncoder().encodeToString(mac(KEY, withStandardOnlyCharacters));
    BASE64_ONLY.verify(KEY, withStandardOnlyCharacters, standard);
    WebhookSignatureException urlOnly = assertThrows(WebhookSignatureException.class,
        () -> URL_SAFE_ONLY.verify(KEY, withStandardOnlyCharacters, standard));
    assertEquals(Reason.MALFORMED, urlOnly.reason());
  }

  @Test
  void aTextBodyIsSignedAsItsUtf8Bytes() {
    String body = "{\"name\":\"Größe – 報告.pdf\"}";
    String signature = base64url(KEY, body.getBytes(StandardCharsets.UTF_8));

    BASE64_ONLY.verify(KEY, body, signature);
    WebhookSignatureException e = assertThrows(WebhookSignatureException.class,
        () -> BASE64_ONLY.verify(KEY, body.getBytes(StandardCharsets.ISO_8859_1), signature));
    assertEquals(Reason.MISMATCH, e.reason());
  }

  @Test
  void badArgumentsAreRefusedNamingTheArgument() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String signature = base64url(KEY, body);
    assertEquals("signatureKey must not be null",
        assertThrows(NullPointerException.class, () -> ANY.verify(null, body, signature)).getMessage());
    assertEquals("signatureKey must not be blank",
        assertThrows(IllegalArgumentException.class, () -> ANY.verify(" ", body, signature)).getMessage());
    assertEquals("rawBody must not be null",
        assertThrows(NullPointerException.class, () -> ANY.verify(KEY, (byte[]) null, signature)).getMessage());
    assertEquals("rawBody must not be null",
        assertThrows(NullPointerException.class, () -> ANY.verify(KEY, (String) null, signature)).getMessage());
    assertEquals("headerName must not be null", assertThrows(NullPointerException.class,
        () -> WebhookSignature.hmacSha256(null, Encoding.HEX)).getMessage());
    assertEquals("headerName is not a valid HTTP header name: 'X Sig'", assertThrows(IllegalArgumentException.class,
        () -> WebhookSignature.hmacSha256("X Sig", Encoding.HEX)).getMessage());
    assertEquals("first must not be null", assertThrows(NullPointerException.class,
        () -> WebhookSignature.hmacSha256(HEADER, null)).getMessage());
    assertEquals("more must not contain null", assertThrows(NullPointerException.class,
        () -> WebhookSignature.hmacSha256(HEADER, Encoding.HEX, (Encoding) null)).getMessage());
  }

  @Test
  void theVerifierDescribesItselfAndItsEncodingsCannotBeChanged() {
    assertEquals(HEADER, BASE64_ONLY.headerName());
    assertEquals(Set.of(Encoding.BASE64URL, Encoding.BASE64), BASE64_ONLY.encodings());
    assertThrows(UnsupportedOperationException.class, () -> BASE64_ONLY.encodings().add(Encoding.HEX));
    assertEquals("WebhookSignature{HMAC-SHA256 in X-Test-Signature, Base64url or Base64}", BASE64_ONLY.toString());
    assertTrue(MergeException.class.isAssignableFrom(WebhookSignatureException.class));
  }

  /** A body whose signature, in standard Base64, uses characters outside the URL-safe alphabet. */
  private static byte[] bodyWhoseStandardBase64Has(char first, char second) {
    for (int i = 0; ; i++) {
      byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
      String standard = Base64.getEncoder().encodeToString(mac(KEY, body));
      if (standard.indexOf(first) >= 0 || standard.indexOf(second) >= 0) {
        return body;
      }
    }
  }

  private static String base64url(String key, byte[] body) {
    return Base64.getUrlEncoder().encodeToString(mac(key, body));
  }

  private static String hex(String key, byte[] body) {
    return HexFormat.of().formatHex(mac(key, body));
  }

  /** The JDK's HMAC, independently of the class under test. */
  private static byte[] mac(String key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
