package dev.example.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.domains.confine.ConfinedDomains;
import dev.custody.domains.confine.ConfinementException;
import dev.custody.domains.confine.ConfinementPolicy;
import dev.custody.domains.confine.Violation;
import dev.custody.domains.confine.demo.HeaderFilter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EvilFilterTest {
  static final Path CLASSES = Path.of("target/classes");

  @Test
  void everyEscapeIsReported() throws Exception {
    assertThat(ConfinedDomains.validate(CLASSES, ConfinementPolicy.defaults()))
        .extracting(v -> v.category().tag())
        .contains("system-properties", "exit", "threads", "file-io", "reflection");
  }

  @Test
  void domainIsNotCreatedAndNoCodeRan() {
    assertThatThrownBy(() -> ConfinedDomains.load("evil", CLASSES, HeaderFilter.class,
        "dev.example.hostile.EvilFilter", ConfinementPolicy.defaults()))
        .isInstanceOfSatisfying(ConfinementException.class, e -> assertThat(e.violations())
            .extracting(Violation::toString)
            .anySatisfy(s -> assertThat(s).startsWith(
                "dev.example.hostile.EvilFilter.process(Ldev/custody/domains/confine/demo/"
                    + "Header;)Ldev/custody/domains/confine/demo/Header; @ offset")
                .endsWith("calls java.lang.System.exit(I)V [exit]"))
            .anySatisfy(s -> assertThat(s).startsWith(
                "dev.example.hostile.EvilFilter.lambda$process$0()V").endsWith("[threads]")));
    assertThat(System.getProperty("custody.pwned")).isNull();
  }
}
