package dev.custody.netfn.packet;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed pool of off-heap packet buffers, the counterpart of a DPDK mbuf pool.
 *
 * <p>One slab is allocated from a shared {@link Arena} and sliced into {@code capacity} buffers of
 * {@code bufferSize} bytes. A buffer is named by its index; the slices ({@link #segment(int)}) and
 * their {@link ByteBuffer} views are made once, so allocating and freeing a buffer never allocates
 * on the Java heap.
 *
 * <p><b>Thread safety.</b> {@link #allocate()} and {@link #free(int)} are lock-free (a Treiber
 * stack whose head carries a version tag against ABA) and may be called from any thread. The
 * occupancy counter is exact at every quiescent point.
 *
 * <p><b>Failure behaviour.</b> Freeing a buffer that is already free throws {@link
 * DoubleFreeException} and leaves the pool unchanged; {@link #allocate()} on an empty pool returns
 * {@code -1} and {@link #allocateOrThrow()} throws {@link PoolExhaustedException}. {@link #close()}
 * releases the slab; using the pool afterwards throws {@link IllegalStateException}.
 */
public final class PacketPool implements AutoCloseable {
  /** The mbuf size used unless told otherwise: room for a 1518-byte frame plus headroom. */
  public static final int DEFAULT_BUFFER_SIZE = 2048;

  private static final int FREE = 0;
  private static final int IN_USE = 1;

  private final String name;
  private final int bufferSize;
  private final int capacity;
  private final Arena arena;
  private final MemorySegment[] segments;
  private final ByteBuffer[] byteBuffers;
  private final int[] next;
  private final AtomicIntegerArray state;
  private final AtomicLong head = new AtomicLong();
  private final AtomicInteger inUse = new AtomicInteger();
  private final AtomicLong allocations = new AtomicLong();
  private volatile boolean closed;

  /** A pool of {@code capacity} buffers of {@link #DEFAULT_BUFFER_SIZE} bytes. */
  public PacketPool(String name, int capacity) {
    this(name, capacity, DEFAULT_BUFFER_SIZE);
  }

  public PacketPool(String name, int capacity, int bufferSize) {
    if (capacity < 1) {
      throw new IllegalArgumentException("pool '" + name + "': capacity must be >= 1, got " + capacity);
    }
    if (bufferSize < 64 || bufferSize > 65536) {
      throw new IllegalArgumentException(
          "pool '" + name + "': buffer size must be in 64..65536, got " + bufferSize);
    }
    this.name = name;
    this.capacity = capacity;
    this.bufferSize = bufferSize;
    this.arena = Arena.ofShared();
    MemorySegment slab = arena.allocate((long) capacity * bufferSize, 64);
    this.segments = new MemorySegment[capacity];
    this.byteBuffers = new ByteBuffer[capacity];
    this.next = new int[capacity];
    this.state = new AtomicIntegerArray(capacity);
    for (int i = 0; i < capacity; i++) {
      segments[i] = slab.asSlice((long) i * bufferSize, bufferSize);
      byteBuffers[i] = segments[i].asByteBuffer();
      next[i] = i + 1 < capacity ? i + 1 : -1;
    }
    head.set(pack(0, 0));
  }

  private static long pack(long tag, int index) {
    return (tag << 32) | ((index + 1) & 0xffffffffL);
  }

  /**
   * Takes a free buffer and returns its index, or {@code -1} if the pool is empty. The buffer's
   * contents are whatever its last user left.
   */
  public int allocate() {
    ensureOpen();
    while (true) {
      long h = head.get();
      int idx = (int) h - 1;
      if (idx < 0) {
        return -1;
      }
      long nh = pack((h >>> 32) + 1, next[idx]);
      if (head.compareAndSet(h, nh)) {
        state.set(idx, IN_USE);
        inUse.incrementAndGet();
        allocations.incrementAndGet();
        return idx;
      }
    }
  }

  /** Like {@link #allocate()}, but an empty pool is an error. */
  public int allocateOrThrow() {
    int idx = allocate();
    if (idx < 0) {
      throw new PoolExhaustedException(
          "pool '" + name + "' exhausted: all " + capacity + " buffers are in use");
    }
    return idx;
  }

  /**
   * Returns buffer {@code index} to the pool.
   *
   * @throws DoubleFreeException if the buffer is already free
   * @throws IndexOutOfBoundsException if no such buffer exists
   */
  public void free(int index) {
    ensureOpen();
    if (index < 0 || index >= capacity) {
      throw new IndexOutOfBoundsException(
          "pool '" + name + "': no buffer #" + index + " (capacity " + capacity + ")");
    }
    if (!state.compareAndSet(index, IN_USE, FREE)) {
      throw new DoubleFreeException("pool '" + name + "': buffer #" + index + " freed twice");
    }
    inUse.decrementAndGet();
    while (true) {
      long h = head.get();
      next[index] = (int) h - 1;
      if (head.compareAndSet(h, pack((h >>> 32) + 1, index))) {
        return;
      }
    }
  }

  /** True if buffer {@code index} is currently allocated. */
  public boolean isAllocated(int index) {
    return state.get(index) == IN_USE;
  }

  /** The whole buffer {@code index} ({@link #bufferSize()} bytes), made once at construction. */
  public MemorySegment segment(int index) {
    return segments[index];
  }

  /**
   * A direct {@link ByteBuffer} over buffer {@code index}, shared by every caller: callers reset
   * its position and limit before use. Used for socket I/O.
   */
  public ByteBuffer byteBuffer(int index) {
    return byteBuffers[index];
  }

  public String name() {
    return name;
  }

  public int bufferSize() {
    return bufferSize;
  }

  public int capacity() {
    return capacity;
  }

  /** Buffers currently allocated. */
  public int inUse() {
    return inUse.get();
  }

  /** Buffers currently free. */
  public int available() {
    return capacity - inUse.get();
  }

  /** Buffers handed out since the pool was made. */
  public long totalAllocations() {
    return allocations.get();
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("pool '" + name + "' is closed");
    }
  }

  /** Releases the slab. Buffers still in use become invalid; later use of the pool throws. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      arena.close();
    }
  }

  @Override
  public String toString() {
    return "PacketPool[" + name + ", " + inUse() + "/" + capacity + " in use, " + bufferSize + " B]";
  }
}
