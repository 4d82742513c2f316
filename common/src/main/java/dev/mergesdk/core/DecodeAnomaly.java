package dev.mergesdk.core;

/**
 * A member of a response that did not fit its declared type and was read tolerantly, for
 * {@link CallListener#decodeAnomaly}. It names where and what kind of value, never the value itself (which is kept,
 * raw, in the model's {@code unknownFields()}).
 */
public final class DecodeAnomaly {
  /** What tolerant reading did with the member. */
  public enum Action {
    /** The field was left unset; the raw value is in {@code unknownFields()} under the member's name. */
    FIELD_UNSET,
    /** One element of a list (or value of a map) was left out; the raw ones are in {@code unknownFields()}. */
    ELEMENT_DROPPED,
    /** A lone value where a list is declared was read as a one-element list. */
    WRAPPED_IN_ARRAY
  }

  private final String path;
  private final String model;
  private final String expected;
  private final String found;
  private final Action action;

  /**
   * Describes a member read tolerantly; the SDK creates these as it decodes.
   *
   * @param path where in the document, such as {@code $.results[3].size}
   * @param model the model the member belongs to
   * @param expected the declared type
   * @param found the kind of JSON found (never the value)
   * @param action what the reader did with it
   */
  public DecodeAnomaly(String path, String model, String expected, String found, Action action) {
    this.path = path;
    this.model = model;
    this.expected = expected;
    this.found = found;
    this.action = action;
  }

  /** {@return where in the document, as a JSON path ({@code $.results[3].size})} */
  public String path() {
    return path;
  }

  /** {@return the model the member belongs to ({@code File})} */
  public String model() {
    return model;
  }

  /** {@return the declared type ({@code Long}, {@code List<Permission>})} */
  public String expected() {
    return expected;
  }

  /** {@return the kind of JSON value found: {@code string}, {@code number}, {@code boolean}, {@code object} or {@code array}} */
  public String found() {
    return found;
  }

  /** {@return what was done} */
  public Action action() {
    return action;
  }

  @Override
  public String toString() {
    return path + " of " + model + ": expected " + expected + ", found " + found + " (" + action + ")";
  }
}
