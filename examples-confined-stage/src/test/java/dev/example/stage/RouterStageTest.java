package dev.example.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.domains.DomainFailedException;
import dev.custody.domains.confine.ConfinedDomain;
import dev.custody.domains.confine.ConfinedDomains;
import dev.custody.domains.confine.ConfinementPolicy;
import dev.custody.netfn.io.FlowGenerator;
import dev.custody.netfn.packet.EthernetView;
import dev.custody.netfn.packet.Ipv4View;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import dev.custody.netfn.pipeline.Stage;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RouterStageTest {
  static final Path CLASSES = Path.of("target/classes");
  static final String ENTRY = "dev.example.stage.RouterStage";

  static ConfinedDomain<Stage> load(String name) throws Exception {
    return ConfinedDomains.load(name, CLASSES, Stage.class, ENTRY, ConfinementPolicy.defaults());
  }

  /** The confined generation's own static counter, read through its own class. */
  static long routed(Stage entry) throws Throwable {
    return (long) MethodHandles.publicLookup()
        .findStatic(entry.getClass(), "routed", MethodType.methodType(long.class)).invoke();
  }

  @Test
  void routerIsAcceptedByTheDefaultPolicy() throws Exception {
    assertThat(ConfinedDomains.validate(CLASSES, ConfinementPolicy.defaults())).isEmpty();
  }

  @Test
  void confinedRouterSwapsMacsDecrementsTtlAndKeepsChecksumsValid() throws Throwable {
    ConfinedDomain<Stage> d = load("router");
    try (PacketPool pool = new PacketPool("router-test", 64)) {
      PacketBatch batch = PacketBatch.create(pool, 16);
      new FlowGenerator(5, 128, 0.5, 16, 7).fill(batch);
      assertThat(batch.size()).isEqualTo(16);
      EthernetView eth = new EthernetView();
      Ipv4View ip = new Ipv4View();
      long[] src = new long[16];
      long[] dst = new long[16];
      int[] ttl = new int[16];
      for (int i = 0; i < 16; i++) {
        eth.wrap(batch.segment(i), batch.length(i));
        src[i] = eth.source();
        dst[i] = eth.destination();
        ip.wrap(batch.segment(i), EthernetView.HEADER_LENGTH, batch.length(i) - 14);
        ttl[i] = ip.ttl();
      }
      Stage proxy = d.proxy();
      PacketBatch out = proxy.process(batch); // moved in and back: the same buffers, edited
      assertThat(out.size()).isEqualTo(16);
      for (int i = 0; i < 16; i++) {
        eth.wrap(out.segment(i), out.length(i));
        assertThat(eth.source()).as("packet %d source MAC", i).isEqualTo(dst[i]);
        assertThat(eth.destination()).as("packet %d destination MAC", i).isEqualTo(src[i]);
        assertThat(ip.wrap(out.segment(i), 14, out.length(i) - 14)).isNull();
        assertThat(ip.ttl()).isEqualTo(ttl[i] - 1);
        assertThat(ip.checksumValid()).as("packet %d checksum", i).isTrue();
      }
      assertThat(routed(d.entry())).isEqualTo(16);
      out.close();
      assertThat(pool.inUse()).isZero();
    } finally {
      d.shutdown();
    }
  }

  @Test
  void packetsWhoseTtlRunsOutAndMalformedOnesAreDropped() throws Throwable {
    ConfinedDomain<Stage> d = load("router-drops");
    try (PacketPool pool = new PacketPool("router-drops", 64)) {
      PacketBatch batch = PacketBatch.create(pool, 8);
      new FlowGenerator(3, 128, 0.5, 4, 7, 1).fill(batch); // TTL 1: expires here
      new FlowGenerator(3, 128, 0.5, 4, 9).fill(batch);
      batch.segment(5).set(java.lang.foreign.ValueLayout.JAVA_BYTE, 14, (byte) 0x42); // bad IHL
      PacketBatch out = d.proxy().process(batch);
      assertThat(out.size()).isEqualTo(3); // compacted: 4 expired + 1 malformed gone
      assertThat(d.entry()).isNotInstanceOf(RouterStage.class); // its own loader's class
      assertThat(routed(d.entry())).isEqualTo(3);
      out.close();
      assertThat(pool.inUse()).isZero();
    } finally {
      d.shutdown();
    }
  }

  @Test
  void recoveryLoadsFreshClassesWithCleanStatics() throws Throwable {
    ConfinedDomain<Stage> d = load("router-recover");
    try (PacketPool pool = new PacketPool("router-recover", 64)) {
      PacketBatch batch = PacketBatch.create(pool, 8);
      new FlowGenerator(3, 128, 0.5, 8, 7).fill(batch);
      d.proxy().process(batch).close();
      Stage first = d.entry();
      assertThat(routed(first)).isEqualTo(8);
      assertThat(first.getClass().getClassLoader()).isNotSameAs(RouterStage.class.getClassLoader());
      // A closed batch makes the stage fail inside the domain; the runtime recovers it.
      PacketBatch dead = PacketBatch.create(pool, 1);
      dead.close();
      Stage proxy = d.proxy();
      assertThatThrownBy(() -> proxy.process(dead))
          .isInstanceOfSatisfying(DomainFailedException.class, e -> assertThat(e.recovered()).isTrue());
      Stage second = d.entry();
      assertThat(d.generation()).isEqualTo(2);
      assertThat(second.getClass()).isNotSameAs(first.getClass());
      assertThat(second.getClass().getClassLoader()).isNotSameAs(first.getClass().getClassLoader());
      assertThat(routed(second)).isZero();
      assertThat(routed(first)).isEqualTo(8); // the old generation's static, untouched
      PacketBatch again = PacketBatch.create(pool, 8);
      new FlowGenerator(3, 128, 0.5, 2, 7).fill(again);
      d.proxy().process(again).close(); // same proxy, new generation
      assertThat(routed(d.entry())).isEqualTo(2);
      assertThat(pool.inUse()).isZero();
    } finally {
      d.shutdown();
    }
  }
}
