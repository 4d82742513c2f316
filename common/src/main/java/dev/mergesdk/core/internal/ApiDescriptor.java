package dev.mergesdk.core.internal;

import dev.mergesdk.core.Region;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the runtime needs to know about one API: its name and the base URL it has in each region it serves. */
public final class ApiDescriptor {
  private final String name;
  private final Map<Region, String> baseUrls;
  private final boolean openOperations;

  private ApiDescriptor(String name, Map<Region, String> baseUrls, boolean openOperations) {
    this.name = name;
    this.baseUrls = Collections.unmodifiableMap(new LinkedHashMap<>(baseUrls));
    this.openOperations = openOperations;
  }

  /**
   * Describes an API by its name and the base URL of each region it is served in.
   *
   * @param name the API's product name, for messages
   * @param baseUrls base URL per served region, in order of preference
   * @return the descriptor
   */
  public static ApiDescriptor of(String name, Map<Region, String> baseUrls) {
    return new ApiDescriptor(Checks.notBlank(name, "name"), baseUrls, false);
  }

  /**
   * Marks an API with operations that need no credential ({@link NoAuth}).
   *
   * @return this descriptor, for an API whose client may then be built without an API key
   */
  public ApiDescriptor withOpenOperations() {
    return new ApiDescriptor(name, baseUrls, true);
  }

  /** {@return whether some operation needs no credential, so a client without an API key is of use} */
  public boolean hasOpenOperations() {
    return openOperations;
  }

  /** {@return the API's product name} */
  public String name() {
    return name;
  }

  /** {@return the regions this API is served in, with their base URLs} */
  public Map<Region, String> baseUrls() {
    return baseUrls;
  }

  /**
   * The base URL of a region.
   *
   * @param region a region; a custom one gives its own URL
   * @return the base URL
   * @throws IllegalArgumentException naming the served regions when this API is not served in {@code region}
   */
  public String baseUrl(Region region) {
    if (region.customUrl().isPresent()) {
      return region.customUrl().get();
    }
    String url = baseUrls.get(region);
    if (url == null) {
      throw new IllegalArgumentException(name + " is not served in region " + region + "; available regions: "
          + String.join(", ", baseUrls.keySet().stream().map(Region::name).toArray(String[]::new))
          + " (or Region.custom(url))");
    }
    return url;
  }
}
