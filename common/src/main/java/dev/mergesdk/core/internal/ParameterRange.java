package dev.mergesdk.core.internal;

import java.math.BigDecimal;

/**
 * Checks a numeric parameter against the {@code minimum} and {@code maximum} its API spec declares, so a value the
 * server would refuse (or silently clamp) fails where it is set, naming the parameter. Called by generated code.
 */
public final class ParameterRange {
  private ParameterRange() {
  }

  /**
   * Checks a numeric parameter against the range its spec declares.
   *
   * @param value the value; null (unset) always passes
   * @param name the parameter's name as the API knows it, e.g. {@code page_size}
   * @param minimum the declared minimum, or null
   * @param exclusiveMinimum whether the minimum itself is excluded
   * @param maximum the declared maximum, or null
   * @param exclusiveMaximum whether the maximum itself is excluded
   * @param <N> the numeric type
   * @return value
   * @throws IllegalArgumentException naming the parameter, the bound and the value when it is out of range
   */
  public static <N extends Number> N check(N value, String name, String minimum, boolean exclusiveMinimum,
      String maximum, boolean exclusiveMaximum) {
    if (value == null) {
      return null;
    }
    if ((value instanceof Double || value instanceof Float) && !Double.isFinite(value.doubleValue())) {
      throw new IllegalArgumentException(name + " must be a finite number, was " + value);
    }
    BigDecimal v = new BigDecimal(value.toString());
    if (minimum != null) {
      int c = v.compareTo(new BigDecimal(minimum));
      if (c < 0 || (exclusiveMinimum && c == 0)) {
        throw new IllegalArgumentException(name + " must be " + (exclusiveMinimum ? "greater than " : "at least ")
            + minimum + ", was " + value);
      }
    }
    if (maximum != null) {
      int c = v.compareTo(new BigDecimal(maximum));
      if (c > 0 || (exclusiveMaximum && c == 0)) {
        throw new IllegalArgumentException(name + " must be " + (exclusiveMaximum ? "less than " : "at most ")
            + maximum + ", was " + value);
      }
    }
    return value;
  }
}
