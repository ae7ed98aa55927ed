package dev.custody.checkpoint;

import dev.custody.Shared;
import java.util.IdentityHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state of one checkpoint (or restore) traversal: its id, the {@link Shared} objects it has
 * marked, and, rarely, a private side table. Generated code calls it; applications use {@link
 * Checkpoints}.
 *
 * <p><b>Shared marks.</b> The first visit of a live {@code Shared} creates its copy and claims
 * the object by CAS-ing the object's mark from null to that copy; a later visit recognises its
 * own mark by the copy's checkpoint id and reuses the copy. There is no identity map on this
 * path. {@link #close()} clears every mark this traversal set, so afterwards no live object
 * refers to the copy and the copy refers to no live object.
 *
 * <p><b>Concurrent checkpoints.</b> A {@code Shared} carries at most one mark at a time. A
 * traversal that finds another traversal's mark does not wait and does not overwrite it: it
 * records that object's copy in a private identity side table, allocated on first need. Each
 * traversal therefore copies each {@code Shared} exactly once, whatever the others do; only its
 * speed depends on contention. A traversal that is never closed leaves its marks behind, which
 * only sends later traversals to their side tables for those objects.
 *
 * <p><b>Incremental checkpoints</b> ({@link Checkpoints#takeIncremental}). A live {@code Shared}
 * is still claimed with a fresh copy before its target is compared (so cycles find it); if the
 * target turns out unchanged, {@link #reuse} makes the previous snapshot's {@code Shared} the
 * result instead, by setting the unused copy's target to a private forwarding record that
 * {@link #copyOf} follows, and records that previous {@code Shared} in a private identity set so
 * that it is reused for one live object at most. The previous snapshot is only read.
 *
 * <p><b>Identity-tracking mode</b> ({@link #openTrackingEveryObject()}): the conventional
 * approach of the paper's §5, for comparison. Every object the generated code copies (and every
 * {@code Shared}) is looked up in and recorded into an {@link IdentityHashMap}, because a
 * language without explicit aliasing cannot know which references alias.
 *
 * <p><b>Thread safety.</b> A context belongs to the thread that opened it; it is not
 * thread-safe.
 */
public final class CopyContext implements AutoCloseable {
  private static final AtomicLong IDS = new AtomicLong();

  private final long id = IDS.incrementAndGet();

  /** True in identity-tracking mode: generated code then records every object it copies. */
  public final boolean tracksEveryObject;

  /** Live objects we marked, each followed by its copy: [live0, copy0, live1, copy1, ...]. */
  private Object[] marked = new Object[64];

  private int markedLength;
  private IdentityHashMap<Object, Object> side;
  private boolean closed;

  /** Objects this traversal allocated, and previous-snapshot objects it reused (incremental). */
  private long copied;

  private long reused;

  /** Incremental mode: the previous snapshot's Shareds this traversal has reused. */
  private java.util.Set<Object> reusedSide;

  /**
   * The target of a copy that turned out unneeded because the previous snapshot's copy was
   * reused: later visits of the live {@code Shared} follow it to that copy. Never reachable
   * from a snapshot (only from this traversal's own mark, which close() clears).
   */
  private record Forward(Shared<?> previous) {}

  private CopyContext(boolean tracksEveryObject) {
    this.tracksEveryObject = tracksEveryObject;
    if (tracksEveryObject) {
      side = new IdentityHashMap<>();
    }
  }

  /** A context that handles aliasing through {@code Shared} marks only (Custody's way). */
  public static CopyContext open() {
    return new CopyContext(false);
  }

  /** A context in identity-tracking mode (the conventional approach), for comparison. */
  public static CopyContext openTrackingEveryObject() {
    return new CopyContext(true);
  }

  /** This traversal's id, unique in this JVM. */
  public long id() {
    return id;
  }

  /** The copy of {@code src} this traversal already made, or null if it has not visited it. */
  @SuppressWarnings("unchecked")
  public <T> Shared<T> copyOf(Shared<T> src) {
    if (!tracksEveryObject) {
      Shared<T> m = Shared.Marks.mark(src);
      if (m != null && Shared.Marks.copiedBy(m) == id) {
        return m.get() instanceof Forward f ? (Shared<T>) f.previous() : m;
      }
      if (side == null) {
        return null;
      }
    }
    Shared<T> c = (Shared<T>) side.get(src);
    return c != null && c.get() instanceof Forward f ? (Shared<T>) f.previous() : c;
  }

  /**
   * Incremental mode: makes {@code previous}, a {@code Shared} of the previous snapshot whose
   * target was found unchanged, the result for the live {@code Shared} whose fresh copy is
   * {@code copy} (made by {@link #newCopy}, target not set), so later visits of that live object
   * get {@code previous}. Returns false, changing nothing, if this traversal has already reused
   * {@code previous} for another live {@code Shared}: reusing it twice would merge two live
   * objects into one in the snapshot.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> boolean reuse(Shared<T> copy, Shared<T> previous) {
    ensureOpen();
    if (!claimPrevious(previous)) {
      return false;
    }
    Shared.Marks.setTarget(copy, (T) (Object) new Forward(previous));
    reused++;
    return true;
  }

  private boolean claimPrevious(Shared<?> previous) {
    // A private identity set rather than a mark on the previous snapshot: the traversal then
    // writes nothing that other traversals of that snapshot read (no contention, no fallback),
    // and costs about the same (a mark is a barriered store into an old object under G1).
    if (reusedSide == null) {
      reusedSide = java.util.Collections.newSetFromMap(new IdentityHashMap<>(1024));
    }
    return reusedSide.add(previous);
  }

  private void remember(Shared<?> src, Shared<?> copy) {
    if (markedLength == marked.length) {
      marked = java.util.Arrays.copyOf(marked, markedLength * 2);
    }
    marked[markedLength++] = src;
    marked[markedLength++] = copy;
  }

  /** Counts one object allocated for the result (generated code; cheap, for statistics). */
  public void countCopy() {
    copied++;
  }

  /** Counts one previous-snapshot object reused as the result (generated code). */
  public void countReuse() {
    reused++;
  }

  /** Objects allocated by this traversal so far (checkpointables, containers, arrays, Shareds). */
  public long copiedObjects() {
    return copied;
  }

  /** Previous-snapshot objects this traversal reused by reference (incremental checkpoints). */
  public long reusedObjects() {
    return reused;
  }

  /**
   * Creates this traversal's copy of {@code src}, target not yet set, and registers it so that
   * later visits (including cyclic ones) find it. Call only after {@link #copyOf} returned null;
   * then set the target with {@link #setTarget}.
   */
  public <T> Shared<T> newCopy(Shared<T> src) {
    ensureOpen();
    Shared<T> copy = Shared.Marks.newCopy(id);
    if (!tracksEveryObject && Shared.Marks.claim(src, copy)) {
      remember(src, copy);
    } else {
      if (side == null) {
        side = new IdentityHashMap<>();
      }
      side.put(src, copy);
    }
    return copy;
  }

  /** Sets the target of a copy made by {@link #newCopy}. */
  public static <T> void setTarget(Shared<T> copy, T target) {
    Shared.Marks.setTarget(copy, target);
  }

  /** Identity-tracking mode: the copy already made of {@code src}, or null. */
  public Object seen(Object src) {
    return side.get(src);
  }

  /** Identity-tracking mode: records that {@code copy} is the copy of {@code src}. */
  public void record(Object src, Object copy) {
    side.put(src, copy);
  }

  /** True if this traversal currently holds a mark on {@code s} (for tests and diagnostics). */
  public boolean holdsMark(Shared<?> s) {
    Shared<?> m = Shared.Marks.mark(s);
    return m != null && Shared.Marks.copiedBy(m) == id;
  }

  /**
   * Clears every mark this traversal set and drops its side table, then publishes the copies
   * with a release fence (the copies' targets were set after construction). Idempotent.
   */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Object[] m = marked;
    for (int i = 0; i < markedLength; i += 2) {
      Shared.Marks.clearMark((Shared) m[i], (Shared) m[i + 1]);
    }
    marked = null;
    markedLength = 0;
    side = null;
    reusedSide = null;
    java.lang.invoke.VarHandle.releaseFence();
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("CopyContext " + id + " is closed");
    }
  }
}
