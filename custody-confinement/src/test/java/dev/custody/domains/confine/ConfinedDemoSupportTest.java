package dev.custody.domains.confine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfinedDemoSupportTest {
  static final String STAGE = """
      package dev.example.stage;
      import dev.custody.domains.confine.demo.*;
      public final class NatTtlStage implements HeaderFilter {
        private static long processed;
        public Header process(Header h) {
          processed++;
          if (h.protocol() == 0) throw new IllegalArgumentException("unsupported protocol 0");
          return h.ttl() <= 1 ? null
              : new Header(h.srcIp(), h.dstIp(), h.srcPort(), h.dstPort(), h.protocol(), h.ttl() - 1);
        }
        public long processed() { return processed; }
        public String describe() { return "test stage"; }
      }
      """;
  static final String HOSTILE = """
      package dev.example.hostile;
      import dev.custody.domains.confine.demo.*;
      public final class EvilFilter implements HeaderFilter {
        public Header process(Header h) { System.exit(13); return h; }
        public long processed() { return 0; }
        public String describe() { return "evil"; }
      }
      """;

  @Test
  void loadsStageAndShowsTheRefusal(@TempDir Path home) throws Exception {
    Files.createDirectories(ConfinedDemoSupport.stageJar(home).getParent());
    Files.createDirectories(ConfinedDemoSupport.hostileJar(home).getParent());
    InMemoryCompiler.writeJar(ConfinedDemoSupport.stageJar(home),
        InMemoryCompiler.compile(Map.of(ConfinedDemoSupport.STAGE_ENTRY, STAGE)));
    InMemoryCompiler.writeJar(ConfinedDemoSupport.hostileJar(home),
        InMemoryCompiler.compile(Map.of(ConfinedDemoSupport.HOSTILE_ENTRY, HOSTILE)));
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    boolean ok = ConfinedDemoSupport.run(home, new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(ok).as(out).isTrue();
    assertThat(out).contains("loaded test stage", "-> dropped",
        "processed (static counter in the domain): 3",
        "protocol 0 made the stage fail: java.lang.IllegalArgumentException: unsupported"
            + " protocol 0; recovered = true",
        "same proxy after recovery (new class loader, statics clean): processed = 0"
            + " (generation 2)",
        "refused, domain not created", "calls java.lang.System.exit(I)V [exit]");
    assertThat(ConfinedDemoSupport.hostileRefusal(home).violations()).hasSize(1);
  }

  @Test
  void missingJarsAreReportedNotThrown(@TempDir Path home) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    assertThat(ConfinedDemoSupport.run(home, new PrintStream(buf, true, StandardCharsets.UTF_8)))
        .isFalse();
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("jars not built");
  }
}
