package dev.example.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.domains.confine.ConfinedDomain;
import dev.custody.domains.confine.ConfinedDomains;
import dev.custody.domains.confine.ConfinementPolicy;
import dev.custody.domains.confine.demo.Header;
import dev.custody.domains.confine.demo.HeaderFilter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NatTtlStageTest {
  static final Path CLASSES = Path.of("target/classes");

  @Test
  void stageIsAcceptedByTheDefaultPolicy() throws Exception {
    assertThat(ConfinedDomains.validate(CLASSES, ConfinementPolicy.defaults())).isEmpty();
  }

  @Test
  void stageRunsConfinedAndRecoveryResetsItsStatics() throws Exception {
    ConfinedDomain<HeaderFilter> d = ConfinedDomains.load("stage", CLASSES, HeaderFilter.class,
        "dev.example.stage.NatTtlStage", ConfinementPolicy.defaults());
    HeaderFilter f = d.entry();
    assertThat(f.getClass().getClassLoader()).isNotSameAs(NatTtlStage.class.getClassLoader());
    assertThat(f.process(new Header("1.1.1.1", "10.0.0.1", 1, 2, 6, 64)))
        .isEqualTo(new Header("1.1.1.1", "10.0.1.1", 1, 2, 6, 63));
    assertThat(f.process(new Header("1.1.1.1", "10.0.0.2", 1, 2, 6, 1))).isNull();
    assertThat(f.processed()).isEqualTo(2);
    assertThat(f.describe()).isEqualTo("NatTtlStage NAT(1 rule)+TTL stage");
    assertThat(d.recover().processed()).isZero();
  }
}
