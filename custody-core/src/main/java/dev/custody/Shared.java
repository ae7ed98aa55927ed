package dev.custody;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * An explicit alias, the counterpart of Rust's {@code Rc}/{@code Arc}: the one sanctioned way to
 * reach the same linear or checkpointable object from several places.
 *
 * <p>Because aliasing is visible in the type, tools can treat it specially: the checkpoint
 * generator copies the target of a {@code Shared} once per checkpoint and restores it as one
 * object reached from every place that shared it, without an identity map. It does so through
 * a per-object <em>checkpoint mark</em> (see {@link Marks}), the paper's "internal flag".
 *
 * <p><b>Thread safety.</b> The reference to the target never changes once it is visible to
 * application code; the target's own thread safety is its own business. (Copies made by the
 * checkpoint runtime set their target once, before the checkpoint that made them returns, so
 * that cycles through {@code Shared} can be copied; the runtime publishes them with a release
 * fence, as a final field would be.)
 *
 * @param <T> the type of the shared object
 */
public final class Shared<T> implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Written once: in the constructor, or by the checkpoint runtime before the copy escapes. */
  private T value;

  /** The copy made by the checkpoint that is visiting this object now, or null. */
  @SuppressWarnings("unused") // accessed through MARK
  private transient volatile Shared<T> mark;

  /** On a copy: the id of the checkpoint that made it, so that checkpoint recognises its mark. */
  private transient long copiedBy;

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

  private static final VarHandle MARK;

  static {
    try {
      MARK = MethodHandles.lookup().findVarHandle(Shared.class, "mark", Shared.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * Run-time support for {@code dev.custody.checkpoint}: the checkpoint marks on {@link Shared}
   * objects. Not for application code; using it outside a checkpoint runtime can make
   * checkpoints duplicate shared objects.
   *
   * <p>Protocol: a checkpoint with id {@code c} claims a live {@code Shared} by CAS-ing its mark
   * from null to a fresh copy made by {@link #newCopy(long)} with {@code c}; it recognises its
   * own mark by {@link #copiedBy}; and it clears every mark it set (with {@link #clearMark})
   * before it returns, so that no live object keeps a checkpoint's copy reachable.
   *
   * <p><b>Thread safety.</b> All methods are safe to call from any thread; marks are read with
   * acquire and written with CAS or release semantics.
   */
  public static final class Marks {
    private Marks() {}

    /** The current mark of {@code s}: the copy of the checkpoint visiting it, or null. */
    @SuppressWarnings("unchecked")
    public static <T> Shared<T> mark(Shared<T> s) {
      return (Shared<T>) MARK.getAcquire(s);
    }

    /** Sets the mark of {@code s} to {@code copy} if it is null; true if it did. */
    public static <T> boolean claim(Shared<T> s, Shared<T> copy) {
      return MARK.compareAndSet(s, (Shared<T>) null, copy);
    }

    /** Clears the mark of {@code s} if it is still {@code copy}. */
    public static <T> void clearMark(Shared<T> s, Shared<T> copy) {
      MARK.compareAndSet(s, copy, (Shared<T>) null);
    }

    /** A copy whose target is not yet set, made by the checkpoint {@code checkpointId}. */
    public static <T> Shared<T> newCopy(long checkpointId) {
      Shared<T> copy = new Shared<>(null);
      copy.copiedBy = checkpointId;
      return copy;
    }

    /** The id of the checkpoint that made {@code copy} with {@link #newCopy}, or 0. */
    public static long copiedBy(Shared<?> copy) {
      return copy.copiedBy;
    }

    /**
     * Sets the target of a copy made by {@link #newCopy}. Call at most once per copy, before the
     * copy is visible to other threads.
     *
     * @throws IllegalStateException if the copy already has a target
     */
    public static <T> void setTarget(Shared<T> copy, T value) {
      if (copy.value != null) {
        throw new IllegalStateException("Shared copy already has a target");
      }
      copy.value = Objects.requireNonNull(value, "Shared target");
    }
  }
}
