package dev.custody;

import java.util.Objects;

/**
 * An explicit alias, the counterpart of Rust's {@code Rc}/{@code Arc}: the one sanctioned way to
 * reach the same linear or checkpointable object from several places.
 *
 * <p>Because aliasing is visible in the type, tools can treat it specially: the checkpoint
 * generator copies the target of a {@code Shared} once per checkpoint and restores it as one
 * object reached from every place that shared it, without an identity map.
 *
 * <p><b>Thread safety.</b> The reference to the target is final; the target's own thread safety
 * is its own business.
 *
 * @param <T> the type of the shared object
 */
public final class Shared<T> {
  private final T value;

  private Shared(T value) {
    this.value = value;
  }

  /** Wraps {@code value} as a shared object. The value must not be null. */
  public static <T> Shared<T> of(T value) {
    return new Shared<>(Objects.requireNonNull(value, "Shared.of(null)"));
  }

  /** The shared object. */
  public T get() {
    return value;
  }

  @Override
  public String toString() {
    return "Shared(" + value + ")";
  }
}
