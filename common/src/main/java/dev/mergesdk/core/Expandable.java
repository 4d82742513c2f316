package dev.mergesdk.core;

import dev.mergesdk.core.internal.Checks;
import java.lang.reflect.Field;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference that the server sends either as an id or, when the caller asked to expand it, as the whole object.
 * {@link #id()} works in both cases; {@link #expanded()} holds the object when it was sent.
 *
 * @param <T> the referenced model
 */
public final class Expandable<T> {
  private final String id;
  private final T value;

  private Expandable(String id, T value) {
    this.id = id;
    this.value = value;
  }

  /**
   * Refers to an object by its id, as sent in a request.
   *
   * @param id the referenced object's id
   * @param <T> the referenced model
   * @return a reference by id
   */
  public static <T> Expandable<T> ofId(String id) {
    return new Expandable<>(Checks.notBlank(id, "id"), null);
  }

  /**
   * Holds a whole object, as the server sends it when expanded.
   *
   * @param value the expanded object
   * @param <T> the referenced model
   * @return a reference holding the object
   */
  public static <T> Expandable<T> of(T value) {
    return new Expandable<>(idOf(Objects.requireNonNull(value, "value must not be null")), value);
  }

  /** {@return the referenced object's id (read from the object when expanded); may be null if the object has none} */
  public String id() {
    return id;
  }

  /** {@return the object, when the server expanded it} */
  public Optional<T> expanded() {
    return Optional.ofNullable(value);
  }

  /** {@return whether the server sent the whole object} */
  public boolean isExpanded() {
    return value != null;
  }

  private static String idOf(Object value) {
    try {
      Field field = value.getClass().getDeclaredField("id");
      field.setAccessible(true);
      Object id = field.get(value);
      return id == null ? null : id.toString();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Expandable && Objects.equals(id, ((Expandable<?>) o).id)
        && Objects.equals(value, ((Expandable<?>) o).value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, value);
  }

  @Override
  public String toString() {
    return value == null ? "Expandable{id=" + id + "}" : "Expandable{" + value + "}";
  }
}
