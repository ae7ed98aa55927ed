package dev.custody.netfn.packet;

import dev.custody.Linear;
import java.lang.foreign.MemorySegment;

/**
 * Up to {@code capacity} (1..256) packets, each in a buffer of one {@link PacketPool}: the unit a
 * pipeline moves from stage to stage, like a NetBricks batch.
 *
 * <p>A batch is {@link Linear}: exactly one stage owns it at a time, and handing it to the next
 * stage, or to another protection domain, moves the batch object itself: nothing is copied, so a
 * crossing costs the same at 1 and at 256 packets. {@link #deepCopy()} exists only for the copying
 * baseline of the benchmark (what isolation without ownership must do).
 *
 * <p>Packet {@code i} ({@code 0 <= i < size()}) is the first {@link #length(int)} bytes of {@link
 * #segment(int)}. A stage removes a packet with {@link #drop(int)}, which frees its buffer at once;
 * {@link #compact()} then closes the gaps, keeping order.
 *
 * <p><b>Thread safety.</b> None: a batch has one owner at a time, which is the point.
 *
 * <p><b>Failure behaviour.</b> {@link #close()} returns every buffer to the pool and is idempotent;
 * any other use of a closed batch throws {@link IllegalStateException}. If the pool runs dry,
 * {@link #append(int)} returns {@code -1} and the batch is unchanged.
 */
@Linear
public final class PacketBatch implements AutoCloseable {
  /** The largest batch the pipeline supports, as in NetBricks' default configuration. */
  public static final int MAX_CAPACITY = 256;

  private static final int DROPPED = -1;

  private final PacketPool pool;
  private final int[] buffers;
  private final int[] lengths;
  private final long[] timestamps;
  private int size;
  private int dropped;
  private boolean closed;

  private PacketBatch(PacketPool pool, int capacity) {
    this.pool = pool;
    this.buffers = new int[capacity];
    this.lengths = new int[capacity];
    this.timestamps = new long[capacity];
  }

  /** An empty batch that will hold up to {@code capacity} packets from {@code pool}. */
  public static PacketBatch create(PacketPool pool, int capacity) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "batch capacity must be in 1.." + MAX_CAPACITY + ", got " + capacity);
    }
    return new PacketBatch(pool, capacity);
  }

  public PacketPool pool() {
    return pool;
  }

  public int capacity() {
    return buffers.length;
  }

  /** Packets in the batch, counting dropped ones until {@link #compact()}. */
  public int size() {
    return size;
  }

  /** Packets not dropped. */
  public int liveCount() {
    return size - dropped;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public boolean isFull() {
    return size == buffers.length;
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * Allocates a buffer from the pool for a new packet of {@code length} bytes and returns its
   * position in the batch, or {@code -1} if the batch is full or the pool is empty.
   */
  public int append(int length) {
    ensureOpen();
    if (size == buffers.length) {
      return -1;
    }
    checkLength(length);
    int b = pool.allocate();
    if (b < 0) {
      return -1;
    }
    buffers[size] = b;
    lengths[size] = length;
    timestamps[size] = 0;
    return size++;
  }

  /** The whole buffer of packet {@code i}; the packet is its first {@link #length(int)} bytes. */
  public MemorySegment segment(int i) {
    return pool.segment(bufferAt(i));
  }

  /** The pool index of packet {@code i}'s buffer. */
  public int bufferIndex(int i) {
    return bufferAt(i);
  }

  public int length(int i) {
    bufferAt(i);
    return lengths[i];
  }

  public void setLength(int i, int length) {
    bufferAt(i);
    checkLength(length);
    lengths[i] = length;
  }

  /** Capture time of packet {@code i} in nanoseconds since the epoch (0 if unknown). */
  public long timestampNanos(int i) {
    bufferAt(i);
    return timestamps[i];
  }

  public void setTimestampNanos(int i, long nanos) {
    bufferAt(i);
    timestamps[i] = nanos;
  }

  /** True if packet {@code i} was dropped and not yet compacted away. */
  public boolean isDropped(int i) {
    ensureOpen();
    checkIndex(i);
    return buffers[i] == DROPPED;
  }

  /** Drops packet {@code i}: its buffer goes back to the pool now. Dropping twice is a no-op. */
  public void drop(int i) {
    ensureOpen();
    checkIndex(i);
    int b = buffers[i];
    if (b != DROPPED) {
      buffers[i] = DROPPED;
      dropped++;
      pool.free(b);
    }
  }

  /** Closes the gaps left by dropped packets, keeping order; returns how many were removed. */
  public int compact() {
    ensureOpen();
    int removed = dropped;
    if (removed == 0) {
      return 0;
    }
    int w = 0;
    for (int r = 0; r < size; r++) {
      if (buffers[r] != DROPPED) {
        buffers[w] = buffers[r];
        lengths[w] = lengths[r];
        timestamps[w] = timestamps[r];
        w++;
      }
    }
    size = w;
    dropped = 0;
    return removed;
  }

  /** Returns every buffer to the pool and empties the batch, which stays usable. */
  public void clear() {
    ensureOpen();
    release();
  }

  /**
   * A new batch holding copies of this batch's live packets in freshly allocated buffers; this
   * batch is then cleared. This is what a crossing costs without ownership transfer.
   *
   * @throws PoolExhaustedException if the pool cannot hold the copy (nothing is leaked)
   */
  public PacketBatch deepCopy() {
    ensureOpen();
    PacketBatch copy = new PacketBatch(pool, buffers.length);
    for (int i = 0; i < size; i++) {
      int b = buffers[i];
      if (b == DROPPED) {
        continue;
      }
      int j = copy.append(lengths[i]);
      if (j < 0) {
        copy.close();
        throw new PoolExhaustedException("pool '" + pool.name() + "' cannot hold a batch copy");
      }
      MemorySegment.copy(pool.segment(b), 0, pool.segment(copy.buffers[j]), 0, lengths[i]);
      copy.timestamps[j] = timestamps[i];
    }
    release();
    return copy;
  }

  /** Returns every buffer to the pool. Idempotent; the batch is unusable afterwards. */
  @Override
  public void close() {
    if (!closed) {
      release();
      closed = true;
    }
  }

  private void release() {
    RuntimeException failure = null;
    for (int i = 0; i < size; i++) {
      int b = buffers[i];
      if (b != DROPPED) {
        buffers[i] = DROPPED;
        try {
          pool.free(b);
        } catch (RuntimeException e) {
          // Keep freeing the rest: one bad buffer must not leak the others.
          if (failure == null) {
            failure = e;
          }
        }
      }
    }
    size = 0;
    dropped = 0;
    if (failure != null) {
      throw failure;
    }
  }

  private int bufferAt(int i) {
    ensureOpen();
    checkIndex(i);
    int b = buffers[i];
    if (b == DROPPED) {
      throw new IllegalStateException("packet " + i + " of the batch was dropped");
    }
    return b;
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("packet " + i + " of a batch of " + size);
    }
  }

  private void checkLength(int length) {
    if (length < 0 || length > pool.bufferSize()) {
      throw new IllegalArgumentException(
          "packet length " + length + " outside 0.." + pool.bufferSize() + " (buffer size)");
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("batch is closed");
    }
  }

  @Override
  public String toString() {
    return closed ? "PacketBatch(closed)" : "PacketBatch(" + liveCount() + "/" + capacity() + ")";
  }
}
