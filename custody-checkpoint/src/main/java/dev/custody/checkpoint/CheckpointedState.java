package dev.custody.checkpoint;

import dev.custody.domains.RRef;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A domain's checkpointable state that the domain restores from its last checkpoint when it
 * recovers from a failure, instead of starting from nothing (DESIGN §4, built on the domains
 * runtime's recoverable slots).
 *
 * <pre>{@code
 * CheckpointedState<Ledger> state = CheckpointedState.of(new Ledger(), Ledger_Checkpoint.INSTANCE);
 * Domain d = Domain.create("ledger");
 * RRef<LedgerApi> ref = d.execute(() -> state.export(ledger -> new LedgerService(ledger, state)));
 * LedgerApi api = new LedgerApiProxy(ref);
 * ...                    // inside the domain, the service calls state.checkpoint() at safe points
 * }</pre>
 *
 * <p>{@link #export} exports the service with {@link RRef#recoverable}: after a failure the
 * domain's table is cleared and the slot's factory runs inside the domain; here the factory
 * restores a <em>fresh</em> graph from the last checkpoint ({@link #restoreLast}), makes it the
 * current state and wraps it in a new service object, which re-populates the same slot, so
 * clients' {@code RRef}s and proxies keep working. Changes made after the last checkpoint are
 * lost, by design: the failure may have left them half-done. The checkpoint itself is never
 * handed out, so every later failure can restore it again.
 *
 * <p>The initial state is checkpointed by {@link #of}, so a domain that fails before its first
 * explicit checkpoint recovers to the initial state.
 *
 * <p><b>Thread safety.</b> {@link #current()} and {@link #lastCheckpoint()} may be read from any
 * thread. {@link #checkpoint()} reads the live state: take it where no other thread writes the
 * state (normally inside the domain, at the end of an update; see {@link Checkpoints} for what a
 * checkpoint sees otherwise). Recovery runs on one thread, while the domain accepts no calls.
 *
 * @param <T> the state's type, {@link Checkpointable}
 */
public final class CheckpointedState<T> {
  private final CheckpointCodec<T> codec;
  private volatile T current;
  private volatile Checkpoint<T> last;

  private CheckpointedState(T initial, CheckpointCodec<T> codec) {
    this.codec = Objects.requireNonNull(codec, "codec");
    this.current = Objects.requireNonNull(initial, "initial state");
    this.last = Checkpoints.take(initial, codec);
  }

  /** State starting as {@code initial}, checkpointed now. */
  public static <T> CheckpointedState<T> of(T initial, CheckpointCodec<T> codec) {
    return new CheckpointedState<>(initial, codec);
  }

  /** As {@link #of(Object, CheckpointCodec)}, finding the codec by the state's class. */
  @SuppressWarnings("unchecked")
  public static <T> CheckpointedState<T> of(T initial) {
    Objects.requireNonNull(initial, "initial state");
    return new CheckpointedState<>(initial, Checkpoints.codec((Class<T>) initial.getClass()));
  }

  /** The live state. */
  public T current() {
    return current;
  }

  /** Checkpoints the live state; it becomes the one recovery restores. */
  public Checkpoint<T> checkpoint() {
    Checkpoint<T> cp = Checkpoints.take(current, codec);
    last = cp;
    return cp;
  }

  /** The checkpoint recovery would restore now. */
  public Checkpoint<T> lastCheckpoint() {
    return last;
  }

  /** Replaces the live state by a fresh graph restored from the last checkpoint, and returns it. */
  public T restoreLast() {
    T restored = last.restore();
    current = restored;
    return restored;
  }

  /**
   * Exports {@code service.apply(state)} from the current domain (call inside {@code
   * Domain.execute}) as a recoverable reference whose recovery restores the last checkpoint and
   * builds a new service over it.
   */
  public <S> RRef<S> export(Function<? super T, ? extends S> service) {
    Objects.requireNonNull(service, "service");
    AtomicBoolean first = new AtomicBoolean(true);
    return RRef.recoverable(() -> {
      if (first.getAndSet(false)) {
        return service.apply(current); // the export itself: the live state as it is
      }
      return service.apply(restoreLast());
    });
  }
}
