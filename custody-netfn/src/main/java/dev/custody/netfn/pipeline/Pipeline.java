package dev.custody.netfn.pipeline;

import dev.custody.netfn.io.PacketSink;
import dev.custody.netfn.io.PacketSource;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A run-to-completion pipeline, NetBricks style: the source fills a batch, each stage in turn
 * owns and processes it, and the sink takes it; then the next batch.
 *
 * <p>Stages are {@link StageCall}s, so any stage may run as a plain call or in its own domain with
 * the same network-function code. A stage failure loses only the batch it held (its buffers go
 * back to the pool), is counted, and the run goes on with the next batch: the stage's domain is
 * expected to have recovered.
 *
 * <p>Not thread-safe: one thread runs a pipeline. Source and sink I/O errors end the run with
 * {@link IOException}, after returning the current batch's buffers.
 */
public final class Pipeline {
  private final PacketPool pool;
  private final int batchSize;
  private final PacketSource source;
  private final List<StageCall> stages;
  private final PacketSink sink;
  private Consumer<StageFailedException> onFailure = e -> {};
  private long received;
  private long forwarded;
  private long dropped;
  private long lost;
  private long batches;
  private long failures;
  private final long[] stageDrops;

  public Pipeline(PacketPool pool, int batchSize, PacketSource source, List<StageCall> stages,
      PacketSink sink) {
    if (batchSize < 1 || batchSize > PacketBatch.MAX_CAPACITY) {
      throw new IllegalArgumentException("batch size must be in 1..256, got " + batchSize);
    }
    this.pool = pool;
    this.batchSize = batchSize;
    this.source = source;
    this.stages = List.copyOf(stages);
    this.sink = sink;
    this.stageDrops = new long[this.stages.size()];
  }

  /** Called (on the pipeline thread) for each stage failure, after the batch was released. */
  public Pipeline onFailure(Consumer<StageFailedException> listener) {
    this.onFailure = listener;
    return this;
  }

  /**
   * Runs one batch through; returns false once the source is exhausted (or had nothing ready).
   */
  public boolean step() throws IOException {
    PacketBatch batch = PacketBatch.create(pool, batchSize);
    int n;
    try {
      n = source.fill(batch);
    } catch (IOException | RuntimeException e) {
      batch.close();
      throw e;
    }
    if (batch.isEmpty()) {
      batch.close();
      return false;
    }
    batches++;
    received += batch.size();
    for (int s = 0; s < stages.size(); s++) {
      StageCall stage = stages.get(s);
      int entering = batch.liveCount();
      try {
        batch = stage.call(batch);
      } catch (StageFailedException e) {
        // The batch moved into the call, which released its buffers when the stage failed
        // (StageCall's contract); there is nothing left to close here.
        lost += entering;
        failures++;
        onFailure.accept(e);
        return n >= 0;
      }
      dropped += entering - batch.liveCount();
      stageDrops[s] += entering - batch.liveCount();
    }
    forwarded += batch.liveCount();
    sink.accept(batch);
    return n >= 0;
  }

  /** Runs until the source is exhausted. */
  public PipelineResult run() throws IOException {
    while (step()) {
      // next batch
    }
    return result();
  }

  public PipelineResult result() {
    java.util.Map<String, Long> byStage = new java.util.LinkedHashMap<>();
    for (int s = 0; s < stages.size(); s++) {
      byStage.merge(stages.get(s).name(), stageDrops[s], Long::sum);
    }
    return new PipelineResult(received, forwarded, dropped, lost, batches, failures, byStage);
  }
}
