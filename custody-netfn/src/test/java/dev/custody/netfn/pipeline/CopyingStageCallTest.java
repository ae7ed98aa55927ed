package dev.custody.netfn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.netfn.io.FlowGenerator;
import dev.custody.netfn.nf.NullFilter;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class CopyingStageCallTest {
  @Test
  void eachCrossingCopiesIntoFreshBuffersAndFreesTheOld() throws Exception {
    try (PacketPool pool = new PacketPool("c", 64)) {
      StageCall zeroCopy = DomainStages.inOwnDomain("zc", NullFilter::new);
      StageCall copying = new CopyingStageCall(DomainStages.inOwnDomain("cp", NullFilter::new));
      PacketBatch b = PacketBatch.create(pool, 16);
      new FlowGenerator(4, 64, 0.5, -1, 1).fill(b);
      byte[] before = b.segment(5).asSlice(0, 64).toArray(ValueLayout.JAVA_BYTE);
      int buffer = b.bufferIndex(5);
      PacketBatch same = zeroCopy.call(b);
      assertThat(same).isSameAs(b);
      assertThat(same.bufferIndex(5)).isEqualTo(buffer);
      PacketBatch copy = copying.call(same);
      assertThat(copy).isNotSameAs(b);
      assertThat(b.isClosed()).isTrue();
      assertThat(copy.size()).isEqualTo(16);
      assertThat(copy.segment(5).asSlice(0, 64).toArray(ValueLayout.JAVA_BYTE)).isEqualTo(before);
      assertThat(pool.inUse()).isEqualTo(16);
      copy.close();
      assertThat(pool.inUse()).isZero();
    }
  }
}
