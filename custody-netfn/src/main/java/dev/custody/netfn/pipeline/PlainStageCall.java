package dev.custody.netfn.pipeline;

import dev.custody.netfn.packet.PacketBatch;

/**
 * An unprotected stage: a direct call. A failure still does not leak: the batch is closed and
 * the failure is reported as {@link StageFailedException}, but nothing is isolated or recovered.
 */
public final class PlainStageCall implements StageCall {
  private final NfStage stage;
  private final String name;

  public PlainStageCall(NetFunction nf) {
    this(new NfStage(nf), nf.name());
  }

  public PlainStageCall(NfStage stage, String name) {
    this.stage = stage;
    this.name = name;
  }

  // The batch moves into the stage. If the stage fails it never hands the batch back, and the
  // StageCall contract reclaims its buffers here (close is idempotent): a deliberate use after
  // move on the failure path, like Rust dropping a value during unwinding.
  @SuppressWarnings("custody.ownership")
  @Override
  public PacketBatch call(PacketBatch batch) throws StageFailedException {
    try {
      return stage.process(batch);
    } catch (RuntimeException | Error e) {
      batch.close();
      throw new StageFailedException(name, e);
    }
  }

  @Override
  public String name() {
    return name;
  }
}
