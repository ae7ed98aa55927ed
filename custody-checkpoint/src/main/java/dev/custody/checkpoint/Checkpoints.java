package dev.custody.checkpoint;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Entry points: take a checkpoint of a {@link Checkpointable} object graph, and find the
 * generated codec of a type.
 *
 * <p><b>What a checkpoint sees under concurrent mutation.</b> Taking a checkpoint is not atomic
 * with respect to other threads writing the graph. Each field is read once, with plain reads;
 * the copy is a deep copy in which every object is a copy of some state that object had during
 * the checkpoint (no consistency across objects), every {@code Shared} is copied exactly once
 * (sharing is never broken, however the graph changes), and nothing of the live graph is
 * reachable from the copy. A standard collection modified while it is copied may make the
 * checkpoint fail with {@link java.util.ConcurrentModificationException}; the checkpoint then
 * leaves no mark behind. For a consistent checkpoint, exclude writers while it runs (for
 * example, take it on the thread or in the domain that owns the graph).
 *
 * <p><b>Finding codecs.</b> The processor lists each generated codec in {@code
 * META-INF/services/dev.custody.checkpoint.CheckpointCodec}; {@link #codec(Class)} loads them
 * once per class loader with {@link ServiceLoader}. Pass a codec explicitly ({@code
 * Foo_Checkpoint.INSTANCE}) to avoid the lookup. No reflection is used to copy or restore.
 *
 * <p><b>Thread safety.</b> All methods are thread-safe.
 */
public final class Checkpoints {
  private Checkpoints() {}

  private static final ClassValue<Map<Class<?>, CheckpointCodec<?>>> BY_LOADER_OF =
      new ClassValue<>() {
        @Override
        protected Map<Class<?>, CheckpointCodec<?>> computeValue(Class<?> type) {
          Map<Class<?>, CheckpointCodec<?>> codecs = new HashMap<>();
          for (CheckpointCodec<?> c :
              ServiceLoader.load(CheckpointCodec.class, type.getClassLoader())) {
            codecs.putIfAbsent(c.type(), c);
          }
          return codecs;
        }
      };

  private static final ClassValue<CheckpointCodec<?>> CODECS =
      new ClassValue<>() {
        @Override
        protected CheckpointCodec<?> computeValue(Class<?> type) {
          return BY_LOADER_OF.get(type).get(type);
        }
      };

  /**
   * The generated codec of {@code type}.
   *
   * @throws IllegalArgumentException if {@code type} has no generated codec on its class loader
   *     (not annotated {@link Checkpointable}, or compiled without the processor)
   */
  @SuppressWarnings("unchecked")
  public static <T> CheckpointCodec<T> codec(Class<T> type) {
    CheckpointCodec<?> c = CODECS.get(Objects.requireNonNull(type, "type"));
    if (c == null) {
      throw new IllegalArgumentException(
          "no checkpoint codec for "
              + type.getName()
              + ": annotate it @Checkpointable and compile it with"
              + " custody-checkpoint-processor");
    }
    return (CheckpointCodec<T>) c;
  }

  /** Takes a checkpoint of {@code root}, finding its codec by its class. */
  @SuppressWarnings("unchecked")
  public static <T> Checkpoint<T> take(T root) {
    Objects.requireNonNull(root, "root");
    return take(root, codec((Class<T>) root.getClass()));
  }

  /** Takes a checkpoint of {@code root} with {@code codec}. */
  public static <T> Checkpoint<T> take(T root, CheckpointCodec<T> codec) {
    Objects.requireNonNull(root, "root");
    try (CopyContext ctx = CopyContext.open()) {
      return new Checkpoint<>(codec.copy(root, ctx), codec, ctx);
    }
  }

  /**
   * Takes an incremental checkpoint of {@code root}: an ordinary {@link Checkpoint} whose
   * snapshot reuses, by reference, every object of {@code previous}'s snapshot whose live
   * counterpart is unchanged; see {@link #takeIncremental(Object, Checkpoint, CheckpointCodec)}.
   */
  public static <T> Checkpoint<T> takeIncremental(T root, Checkpoint<T> previous) {
    Objects.requireNonNull(previous, "previous checkpoint");
    return takeIncremental(root, previous, previous.codec());
  }

  /**
   * Takes an incremental checkpoint of {@code root} with {@code codec}.
   *
   * <p>The generated code walks the live graph and {@code previous}'s snapshot in parallel
   * (same fields; lists, sets and arrays element by element in order; maps by key; a {@code
   * Shared} once, by its mark) and, children first, returns the previous copy of an object when
   * its scalar, string and enum fields are equal to the live ones and each of its children's
   * results is that previous copy's child itself; otherwise it allocates a new copy, which may
   * still point at reused children. So the cost is a read of the whole live graph, but
   * allocation only along changed paths. {@code previous} is used only as a source of reusable
   * copies: any earlier checkpoint of the same type is valid, and the result is equal to a
   * full checkpoint whichever one is given. Snapshots are never modified after they are taken
   * (restores copy out of them), so sharing objects between snapshots is safe.
   *
   * <p>Concurrency is as for {@link #take}; in addition, {@code previous} may be restored or
   * used for other incremental checkpoints at the same time.
   *
   * @throws IllegalArgumentException if {@code previous} was taken with a codec of another type,
   *     or {@code root} is not of the codec's type
   */
  public static <T> Checkpoint<T> takeIncremental(
      T root, Checkpoint<T> previous, CheckpointCodec<T> codec) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(previous, "previous checkpoint");
    Objects.requireNonNull(codec, "codec");
    if (previous.codec().type() != codec.type()) {
      throw new IllegalArgumentException(
          "previous checkpoint is of "
              + previous.codec().type().getName()
              + ", not "
              + codec.type().getName());
    }
    if (!codec.type().isInstance(root)) {
      throw new IllegalArgumentException(
          "root is a " + root.getClass().getName() + ", not a " + codec.type().getName());
    }
    try (CopyContext ctx = CopyContext.open()) {
      return new Checkpoint<>(codec.copyIncremental(root, previous.peek(), ctx), codec, ctx);
    }
  }

  /**
   * Takes a checkpoint with the same generated traversal but an {@link java.util.IdentityHashMap}
   * recording every copied object instead of {@code Shared} marks: the conventional approach,
   * kept for comparison in benchmarks and tests.
   */
  public static <T> Checkpoint<T> takeTrackingEveryObject(T root, CheckpointCodec<T> codec) {
    Objects.requireNonNull(root, "root");
    try (CopyContext ctx = CopyContext.openTrackingEveryObject()) {
      return new Checkpoint<>(codec.copy(root, ctx), codec, ctx);
    }
  }
}
