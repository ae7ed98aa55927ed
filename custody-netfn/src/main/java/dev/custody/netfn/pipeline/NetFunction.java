package dev.custody.netfn.pipeline;

import dev.custody.Borrowed;
import dev.custody.netfn.packet.DropCounters;
import dev.custody.netfn.packet.PacketBatch;

/**
 * A network function: the code of one pipeline stage. It edits the batch in place and drops
 * packets with {@link PacketBatch#drop(int)}; it never keeps the batch beyond the call.
 *
 * <p>The same implementation runs as a plain call or inside its own protection domain ({@link
 * NfStage} adapts it to the cross-domain {@link Stage} interface). Implementations are not
 * required to be thread-safe: a pipeline calls a stage from one thread at a time.
 *
 * <p>Malformed packets are counted drops, never exceptions; an exception means the function
 * itself failed (a panic), which the pipeline contains.
 */
public interface NetFunction {
  void process(@Borrowed PacketBatch batch);

  /** A short name for reports. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** Drops so far, by reason. */
  default DropCounters drops() {
    return new DropCounters();
  }
}
