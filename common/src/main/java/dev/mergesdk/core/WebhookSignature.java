package dev.mergesdk.core;

import dev.mergesdk.core.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook delivery was signed with your signature key: the sender computes HMAC-SHA256 over the raw
 * request body, keyed with that key, and sends the result, encoded, in a header. Each client holds the verifier
 * for its API (its header name and the encodings its API uses); this class knows neither API.
 *
 * <pre>{@code
 * WebhookSignature signature = WebhookSignature.hmacSha256("X-Signature", WebhookSignature.Encoding.HEX);
 * signature.verify(signatureKey, rawBody, request.getHeader("X-Signature"));   // throws when not signed with the key
 * }</pre>
 *
 * <p>The body must be the bytes exactly as received: JSON parsed and written again (other spacing, member order or
 * escapes) has a different signature. The comparison takes the same time whichever byte differs, so timing does
 * not reveal how much of a forged signature was right. Instances are immutable and thread-safe.
 */
public final class WebhookSignature {
  /** An HMAC-SHA256 value is 32 bytes. */
  private static final int MAC_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";

  /** How the signature is written in its header. */
  public enum Encoding {
    /** Base64 with the URL-safe alphabet ({@code -} and {@code _}, RFC 4648 section 5), padded or not. */
    BASE64URL,
    /** Base64 with the standard alphabet ({@code +} and {@code /}, RFC 4648 section 4), padded or not. */
    BASE64,
    /** Hexadecimal, upper or lower case. */
    HEX
  }

  private final String headerName;
  private final Set<Encoding> encodings;

  private WebhookSignature(String headerName, Set<Encoding> encodings) {
    this.headerName = headerName;
    this.encodings = Collections.unmodifiableSet(encodings);
  }

  /**
   * A verifier of HMAC-SHA256 signatures over the raw body, written in any of the given encodings.
   *
   * @param headerName the header that carries the signature; used in messages only
   * @param first an encoding the signature may be written in
   * @param more further accepted encodings
   * @return a verifier of HMAC-SHA256 signatures in the given encodings
   * @throws NullPointerException naming the argument when one is null
   * @throws IllegalArgumentException when the header name is blank or not a valid header name
   */
  public static WebhookSignature hmacSha256(String headerName, Encoding first, Encoding... more) {
    Checks.headerName(headerName, "headerName");
    if (first == null) {
      throw new NullPointerException("first must not be null");
    }
    if (more == null) {
      throw new NullPointerException("more must not be null");
    }
    EnumSet<Encoding> accepted = EnumSet.of(first);
    for (Encoding encoding : more) {
      if (encoding == null) {
        throw new NullPointerException("more must not contain null");
      }
      accepted.add(encoding);
    }
    return new WebhookSignature(headerName, accepted);
  }

  /** {@return the header that carries the signature} */
  public String headerName() {
    return headerName;
  }

  /** {@return the encodings a signature is accepted in} */
  public Set<Encoding> encodings() {
    return encodings;
  }

  /**
   * Checks that {@code signature} is the HMAC-SHA256 of {@code rawBody} under {@code signatureKey}.
   *
   * @param signatureKey your webhook signature key, as shown in the dashboard (its UTF-8 bytes are the HMAC key)
   * @param rawBody the request body exactly as received
   * @param signature the value of the signature header; null or blank when the request had none
   * @throws WebhookSignatureException when the signature is missing, not a signature in an accepted encoding, or
   *     does not match; its {@link WebhookSignatureException#reason() reason} says which
   * @throws NullPointerException naming the argument when the key or the body is null
   * @throws IllegalArgumentException when the key is blank
   */
  public void verify(String signatureKey, byte[] rawBody, String signature) {
    Checks.notBlank(signatureKey, "signatureKey");
    if (rawBody == null) {
      throw new NullPointerException("rawBody must not be null");
    }
    if (signature == null || signature.isBlank()) {
      throw new WebhookSignatureException(WebhookSignatureException.Reason.MISSING,
          "no webhook signature: the " + headerName + " header is missing or empty");
    }
    byte[] received = decode(signature.trim());
    if (received == null) {
      // The length and the accepted encodings are enough to diagnose; the value itself is not repeated.
      throw new WebhookSignatureException(WebhookSignatureException.Reason.MALFORMED,
          "the " + headerName + " header is not an HMAC-SHA256 signature in " + describe(encodings) + " ("
              + signature.trim().length() + " characters)");
    }
    if (!MessageDigest.isEqual(hmac(signatureKey, rawBody), received)) {
      throw new WebhookSignatureException(WebhookSignatureException.Reason.MISMATCH,
          "the " + headerName + " header does not match the body (" + rawBody.length + " bytes): check the "
              + "signature key, and pass the body exactly as received, not parsed and written again");
    }
  }

  /**
   * Like {@link #verify(String, byte[], String)}, for a body held as text; it is signed as its UTF-8 bytes, so it
   * must have been read as UTF-8 (JSON always is).
   *
   * @param signatureKey your webhook signature key
   * @param rawBody the request body exactly as received
   * @param signature the value of the signature header; null or blank when the request had none
   * @throws WebhookSignatureException when the signature is missing, malformed or does not match
   * @throws NullPointerException naming the argument when the key or the body is null
   * @throws IllegalArgumentException when the key is blank
   */
  public void verify(String signatureKey, String rawBody, String signature) {
    if (rawBody == null) {
      throw new NullPointerException("rawBody must not be null");
    }
    verify(signatureKey, rawBody.getBytes(StandardCharsets.UTF_8), signature);
  }

  @Override
  public String toString() {
    return "WebhookSignature{HMAC-SHA256 in " + headerName + ", " + describe(encodings) + "}";
  }

  /** {@return the 32 signature bytes, or null when the text is none of the accepted encodings of 32 bytes} */
  private byte[] decode(String text) {
    if (encodings.contains(Encoding.HEX) && text.length() == 2 * MAC_BYTES) {
      byte[] hex = hex(text);
      if (hex != null) {
        return hex;
      }
    }
    if (encodings.contains(Encoding.BASE64URL)) {
      byte[] bytes = base64(Base64.getUrlDecoder(), text);
      if (bytes != null) {
        return bytes;
      }
    }
    if (encodings.contains(Encoding.BASE64)) {
      return base64(Base64.getDecoder(), text);
    }
    return null;
  }

  private static byte[] base64(Base64.Decoder decoder, String text) {
    // The JDK decoders take padding or none; a value of another length cannot be 32 bytes anyway.
    try {
      byte[] bytes = decoder.decode(text);
      return bytes.length == MAC_BYTES ? bytes : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] hex(String text) {
    byte[] bytes = new byte[text.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      int high = Character.digit(text.charAt(2 * i), 16);
      int low = Character.digit(text.charAt(2 * i + 1), 16);
      if (high < 0 || low < 0) {
        return null;
      }
      bytes[i] = (byte) ((high << 4) | low);
    }
    return bytes;
  }

  private static byte[] hmac(String key, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      // Every Java platform must provide HmacSHA256; reaching this means a broken security provider setup.
      throw new IllegalStateException("HmacSHA256 is not available on this Java runtime", e);
    }
  }

  private static String describe(Set<Encoding> encodings) {
    StringBuilder names = new StringBuilder();
    for (Encoding encoding : encodings) {
      if (names.length() > 0) {
        names.append(" or ");
      }
      names.append(encoding == Encoding.BASE64URL ? "Base64url" : encoding == Encoding.BASE64 ? "Base64" : "hex");
    }
    return names.toString();
  }
}
