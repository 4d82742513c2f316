package dev.mergesdk.core.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A query parameter sent as one comma-separated value ({@code expand=drive,folder}) rather than repeated.
 * Elements are written with {@code toString()}, which generated enums map to their wire value, and
 * percent-encoded one by one so the separating commas stay literal, as the APIs expect.
 */
public final class CommaSeparated {
  private final List<?> values;

  private CommaSeparated(List<?> values) {
    this.values = values;
  }

  /**
   * Joins values into one comma-separated query parameter.
   *
   * @param values the elements; must not be null
   * @return the parameter value
   */
  public static CommaSeparated of(Collection<?> values) {
    Objects.requireNonNull(values, "values must not be null");
    return new CommaSeparated(List.copyOf(values));
  }

  /**
   * Joins values into one comma-separated query parameter, or omits the parameter when there are none.
   *
   * @param values the elements, or null
   * @return the parameter value, or null (parameter omitted) for null or empty input
   */
  public static CommaSeparated ofNullable(Collection<?> values) {
    return values == null || values.isEmpty() ? null : of(values);
  }

  @Override
  public String toString() {
    return values.stream()
        .map(v -> URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining(","));
  }
}
