package dev.custody;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * A run-time move-only handle to a value, the counterpart of a Rust binding that owns its value.
 *
 * <p>A handle is either <em>live</em> (it holds its value) or <em>dead</em> (the value was moved
 * out). {@link #move()} transfers the value to a new live handle and kills this one; {@link
 * #take()} hands out the value itself and kills this one. Any access to a dead handle throws
 * {@link MovedValueException}, naming the handle's value type.
 *
 * <p><b>Thread safety.</b> Moving is atomic: when several threads race to {@code move()} or
 * {@code take()} the same handle, exactly one succeeds and the others get {@code
 * MovedValueException}. {@link #get()} on a handle that another thread is moving may see either
 * state; code that shares a handle between threads without synchronisation is already outside the
 * ownership discipline, which the compile-time checker enforces.
 *
 * <p>{@code Owned} is itself {@link Linear}: the checker treats a variable of type {@code
 * Owned<T>} as moved after it is assigned, stored, returned, captured or passed by value.
 *
 * @param <T> the type of the owned value
 */
@Linear
public final class Owned<T> {
  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(Owned.class, "value", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile Object value;
  // The class, not its name: Class.getSimpleName() on every move would cost more than the move.
  private final Class<?> type;

  private Owned(T value) {
    this.value = value;
    this.type = value.getClass();
  }

  /** Takes ownership of {@code value}. The value must not be null. */
  public static <T> Owned<T> of(T value) {
    return new Owned<>(Objects.requireNonNull(value, "Owned.of(null): an owned value cannot be null"));
  }

  /**
   * Borrows the value: returns it without moving it. The caller must not keep the result beyond
   * the handle's lifetime.
   *
   * @throws MovedValueException if the value has been moved out of this handle
   */
  @SuppressWarnings("unchecked")
  public T get() {
    Object v = value;
    if (v == null) {
      throw moved("get");
    }
    return (T) v;
  }

  /**
   * Moves the value to a new handle; this handle is dead afterwards.
   *
   * @throws MovedValueException if the value had already been moved
   */
  @SuppressWarnings("unchecked")
  public Owned<T> move() {
    return new Owned<>((T) takeValue("move"));
  }

  /**
   * Moves the value out of the handle and returns it; this handle is dead afterwards.
   *
   * @throws MovedValueException if the value had already been moved
   */
  @SuppressWarnings("unchecked")
  public T take() {
    return (T) takeValue("take");
  }

  /** True while the handle holds its value. */
  public boolean isLive() {
    return value != null;
  }

  private Object takeValue(String op) {
    Object v = VALUE.getAndSet(this, null);
    if (v == null) {
      throw moved(op);
    }
    return v;
  }

  private MovedValueException moved(String op) {
    return new MovedValueException(
        "Owned<" + type.getSimpleName() + ">." + op + "(): the value was moved out of this handle");
  }

  @Override
  public String toString() {
    Object v = value;
    String name = type.getSimpleName();
    return v == null ? "Owned<" + name + ">(moved)" : "Owned<" + name + ">(" + v + ")";
  }
}
