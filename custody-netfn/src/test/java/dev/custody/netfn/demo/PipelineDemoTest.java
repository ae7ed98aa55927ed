package dev.custody.netfn.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.domains.confine.ConfinementException;
import dev.custody.domains.confine.UnreadableClassException;
import dev.custody.netfn.io.FlowGenerator;
import dev.custody.netfn.packet.EthernetView;
import dev.custody.netfn.packet.Ipv4View;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import dev.custody.netfn.pcap.PcapReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.acme.evil.ExitStage;
import org.acme.router.HopStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineDemoTest {
  @Test
  void faultMidStreamIsContainedRecoveredAndAccountedFor(@TempDir Path dir) throws Exception {
    PipelineDemo.Result r = PipelineDemo.run(dir, 4000, 32, 20);
    assertThat(r.packets()).isEqualTo(4000);
    assertThat(r.failures()).isEqualTo(1);
    assertThat(r.maglevRecovered()).isTrue();
    assertThat(r.faultMessage()).contains("maglev").contains("injected fault");
    assertThat(r.lost()).isBetween(1L, 32L);
    assertThat(r.droppedByFirewall()).isGreaterThan(41); // 4000/97 malformed + denied flows
    assertThat(r.forwarded() + r.droppedByFirewall() + r.droppedByMaglev() + r.lost()).isEqualTo(4000);
    assertThat(r.perBackend().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.forwarded());
    assertThat(r.perBackend()).allMatch(c -> c > 0);
    assertThat(r.poolInUseAtEnd()).isZero();
    try (PcapReader in = PcapReader.open(r.outputPcap()); PacketPool pool = new PacketPool("t", 256)) {
      long n = 0;
      int k;
      do {
        try (PacketBatch b = PacketBatch.create(pool, 256)) {
          k = in.readInto(b);
          n += k;
        }
      } while (k > 0);
      assertThat(n).isEqualTo(r.forwarded());
    }
  }

  /** A class directory holding only {@code type}'s class file, copied out of the test classes. */
  static Path pluginDir(Path dir, Class<?> type) throws Exception {
    String file = type.getName().replace('.', '/') + ".class";
    Path target = dir.resolve("plugin-" + type.getSimpleName()).resolve(file);
    Files.createDirectories(target.getParent());
    try (var in = type.getClassLoader().getResourceAsStream(file)) {
      Files.copy(in, target);
    }
    return dir.resolve("plugin-" + type.getSimpleName());
  }

  @Test
  void confinedStageRunsBetweenFirewallAndMaglevAndFaultStaysInMaglev(@TempDir Path dir)
      throws Exception {
    Path plugin = pluginDir(dir, HopStage.class);
    PipelineDemo.Result r = PipelineDemo.run(dir, 4000, 32, 20,
        new PipelineDemo.ConfinedStage("hop", plugin, HopStage.class.getName()));
    assertThat(r.confined()).hasValueSatisfying(c -> {
      assertThat(c.name()).isEqualTo("hop");
      assertThat(c.jar()).isEqualTo(plugin);
      assertThat(c.classLoader()).isEqualTo("confined:hop");
      assertThat(c.generation()).isEqualTo(1); // the fault hit Maglev, not the confined stage
      // The TTL-1 packets (every 89th) the firewall let through; malformed ones it dropped itself.
      assertThat(c.dropped()).isBetween(30L, 46L);
    });
    assertThat(r.failures()).isEqualTo(1);
    assertThat(r.faultMessage()).contains("maglev").contains("injected fault");
    assertThat(r.maglevRecovered()).isTrue();
    assertThat(r.accountedFor()).isTrue();
    assertThat(r.poolInUseAtEnd()).isZero();
    assertThat(r.perBackend()).allMatch(c -> c > 0);
    // Every forwarded packet went through the confined hop: TTL one less than the generator's.
    try (PcapReader in = PcapReader.open(r.outputPcap()); PacketPool pool = new PacketPool("t", 256);
        PacketBatch b = PacketBatch.create(pool, 256)) {
      in.readInto(b);
      Ipv4View ip = new Ipv4View();
      for (int i = 0; i < b.size(); i++) {
        assertThat(ip.wrap(b.segment(i), EthernetView.HEADER_LENGTH, b.length(i) - 14)).isNull();
        assertThat(ip.ttl()).isEqualTo(new FlowGenerator(1, 64, 0, 1, 1).ttl() - 1);
        assertThat(ip.checksumValid()).isTrue();
      }
    }
  }

  @Test
  void plainRunHasNoConfinedStage(@TempDir Path dir) throws Exception {
    PipelineDemo.Result r = PipelineDemo.run(dir, 500, 32, 3);
    assertThat(r.confined()).isEmpty();
    assertThat(r.accountedFor()).isTrue();
  }

  @Test
  void hostileStageIsRefusedAndNothingRuns(@TempDir Path dir) throws Exception {
    Path plugin = pluginDir(dir, ExitStage.class);
    assertThatThrownBy(() -> PipelineDemo.run(dir, 500, 32, 3,
        new PipelineDemo.ConfinedStage("evil", plugin, ExitStage.class.getName())))
        .isInstanceOf(ConfinementException.class)
        .hasMessageContaining("org.acme.evil.ExitStage")
        .hasMessageContaining("java.lang.System.exit");
    assertThatThrownBy(() -> PipelineDemo.run(dir, 500, 32, 3,
        PipelineDemo.ConfinedStage.router(dir.resolve("no-such-home"))))
        .isInstanceOf(UnreadableClassException.class);
  }
}
