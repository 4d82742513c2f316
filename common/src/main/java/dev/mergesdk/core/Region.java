package dev.mergesdk.core;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Where an API is served: {@link #US}, {@link #EU}, {@link #APAC}, or a custom base URL. Each client maps a region
 * to its own base URL and refuses, when built, a region it is not served in.
 *
 * <p>When the client builder names no region, it is taken from the {@code merge.region} system property, then the
 * {@code MERGE_REGION} environment variable, then defaults to {@link #US}. Both accept {@code US}, {@code EU},
 * {@code APAC} or an https URL.
 */
public final class Region {
  /** United States (the default). */
  public static final Region US = new Region("US", null);
  /** European Union. */
  public static final Region EU = new Region("EU", null);
  /** Asia-Pacific. */
  public static final Region APAC = new Region("APAC", null);

  /** System property consulted when the builder sets no region. */
  public static final String SYSTEM_PROPERTY = "merge.region";
  /** Environment variable consulted after the system property. */
  public static final String ENVIRONMENT_VARIABLE = "MERGE_REGION";

  private final String name;
  private final HttpUrl customUrl;

  private Region(String name, HttpUrl customUrl) {
    this.name = name;
    this.customUrl = customUrl;
  }

  /**
   * @param baseUrl an http or https URL the API is served under (a private deployment, a proxy)
   * @return a custom region
   * @throws IllegalArgumentException if the URL is malformed
   */
  public static Region custom(String baseUrl) {
    return new Region("CUSTOM", parseBaseUrl(baseUrl, "baseUrl"));
  }

  /**
   * @param value {@code US}, {@code EU}, {@code APAC} (any case; {@code AP} too) or an http(s) URL
   * @return the region
   * @throws IllegalArgumentException naming the accepted values when the value is none of them
   */
  public static Region of(String value) {
    Checks.notBlank(value, "region");
    String v = value.trim();
    switch (v.toUpperCase(Locale.ROOT)) {
      case "US":
        return US;
      case "EU":
        return EU;
      case "APAC":
      case "AP":
        return APAC;
      default:
        if (v.contains("://")) {
          return custom(v);
        }
        throw new IllegalArgumentException("unknown region '" + Snippets.shorten(v, 40)
            + "': expected US, EU, APAC or an https URL");
    }
  }

  /**
   * Resolves the region to use: the explicit one, else the system property, else the environment variable, else US.
   *
   * @param explicit the builder's region, or null
   * @return the region
   */
  public static Region resolve(Region explicit) {
    return resolve(explicit, System.getProperty(SYSTEM_PROPERTY), System.getenv(ENVIRONMENT_VARIABLE));
  }

  static Region resolve(Region explicit, String property, String environment) {
    if (explicit != null) {
      return explicit;
    }
    if (property != null && !property.isBlank()) {
      return of(property);
    }
    if (environment != null && !environment.isBlank()) {
      return of(environment);
    }
    return US;
  }

  static HttpUrl parseBaseUrl(String baseUrl, String argument) {
    Checks.notBlank(baseUrl, argument);
    HttpUrl url = HttpUrl.parse(baseUrl.trim());
    if (url == null) {
      throw new IllegalArgumentException(argument + " is not a valid http(s) URL: '" + Snippets.shorten(Redaction.urlText(baseUrl), 80) + "'");
    }
    if (url.query() != null || url.fragment() != null) {
      throw new IllegalArgumentException(argument + " must not have a query or fragment: '" + Snippets.shorten(Redaction.url(url), 80) + "'");
    }
    // Retrofit resolves operation paths against the base URL's last '/', so the base must end with one.
    return url.encodedPath().endsWith("/") ? url : url.newBuilder().addPathSegment("").build();
  }

  /** @return US, EU, APAC or CUSTOM */
  public String name() {
    return name;
  }

  /** @return the base URL of a custom region */
  public Optional<String> customUrl() {
    return Optional.ofNullable(customUrl).map(HttpUrl::toString);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Region)) {
      return false;
    }
    Region other = (Region) o;
    return name.equals(other.name) && Objects.equals(customUrl, other.customUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, customUrl);
  }

  @Override
  public String toString() {
    return customUrl == null ? name : name + "(" + Redaction.url(customUrl) + ")";
  }
}
