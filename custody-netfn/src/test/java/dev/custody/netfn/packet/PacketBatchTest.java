package dev.custody.netfn.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class PacketBatchTest {
  @Test
  void capacityMustBeOneTo256() {
    try (PacketPool pool = new PacketPool("b", 4)) {
      assertThatThrownBy(() -> PacketBatch.create(pool, 0)).hasMessageContaining("1..256");
      assertThatThrownBy(() -> PacketBatch.create(pool, 257)).hasMessageContaining("1..256");
      PacketBatch.create(pool, 256).close();
    }
  }

  @Test
  void dropFreesAtOnceAndCompactKeepsOrder() {
    try (PacketPool pool = new PacketPool("b", 8, 128)) {
      PacketBatch batch = PacketBatch.create(pool, 5);
      for (int i = 0; i < 5; i++) {
        int j = batch.append(10 + i);
        batch.segment(j).set(ValueLayout.JAVA_BYTE, 0, (byte) i);
      }
      assertThat(batch.append(1)).isEqualTo(-1);
      assertThat(pool.inUse()).isEqualTo(5);
      batch.drop(1);
      batch.drop(3);
      batch.drop(3);
      assertThat(pool.inUse()).isEqualTo(3);
      assertThat(batch.liveCount()).isEqualTo(3);
      assertThatThrownBy(() -> batch.segment(1)).hasMessageContaining("dropped");
      assertThat(batch.compact()).isEqualTo(2);
      assertThat(batch.size()).isEqualTo(3);
      assertThat(batch.length(0)).isEqualTo(10);
      assertThat(batch.length(1)).isEqualTo(12);
      assertThat(batch.length(2)).isEqualTo(14);
      assertThat(batch.segment(2).get(ValueLayout.JAVA_BYTE, 0)).isEqualTo((byte) 4);
      batch.close();
      batch.close();
      assertThat(pool.inUse()).isZero();
      assertThatThrownBy(() -> batch.append(1)).hasMessageContaining("closed");
    }
  }

  @Test
  void appendStopsWhenPoolIsDry() {
    try (PacketPool pool = new PacketPool("dry", 2, 128);
        PacketBatch batch = PacketBatch.create(pool, 4)) {
      assertThat(batch.append(1)).isZero();
      assertThat(batch.append(1)).isEqualTo(1);
      assertThat(batch.append(1)).isEqualTo(-1);
      assertThat(batch.size()).isEqualTo(2);
    }
  }

  @Test
  void deepCopyCopiesIntoFreshBuffersAndReleasesTheOriginal() {
    try (PacketPool pool = new PacketPool("copy", 8, 128)) {
      PacketBatch batch = PacketBatch.create(pool, 3);
      for (int i = 0; i < 3; i++) {
        int j = batch.append(4);
        batch.segment(j).set(ValueLayout.JAVA_INT_UNALIGNED, 0, 100 + i);
        batch.setTimestampNanos(j, i);
      }
      int firstBuffer = batch.bufferIndex(0);
      batch.drop(1);
      try (PacketBatch copy = batch.deepCopy()) {
        assertThat(batch.size()).isZero();
        assertThat(pool.inUse()).isEqualTo(2);
        assertThat(copy.size()).isEqualTo(2);
        assertThat(copy.bufferIndex(0)).isNotEqualTo(firstBuffer);
        assertThat(copy.segment(1).get(ValueLayout.JAVA_INT_UNALIGNED, 0)).isEqualTo(102);
        assertThat(copy.timestampNanos(1)).isEqualTo(2);
      }
      batch.close();
      assertThat(pool.inUse()).isZero();
    }
  }
}
