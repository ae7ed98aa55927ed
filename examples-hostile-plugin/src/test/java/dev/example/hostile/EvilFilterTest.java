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
        .contains("system-properties", "exit", "threads", "file-io", "reflection",
            "environment", "thread-control", "shared-monitor");
  }

  @Test
  void hostSharedStateEscapesAreReportedWithTheirPlace() throws Exception {
    assertThat(ConfinedDomains.validate(CLASSES, ConfinementPolicy.defaults()))
        .extracting(Violation::toString)
        .filteredOn(s -> s.startsWith("dev.example.hostile.HostSquatter."))
        .satisfiesExactly(
            s -> assertThat(s).startsWith("dev.example.hostile.HostSquatter.token()"
                    + "Ljava/lang/String; @ offset 2 (line 13): calls java.lang.System.getenv(")
                .endsWith("[environment]"),
            s -> assertThat(s).startsWith("dev.example.hostile.HostSquatter.disguise()V @ offset"
                    + " 5 (line 18): calls java.lang.Thread.setName(Ljava/lang/String;)V")
                .endsWith("[thread-control]"),
            s -> assertThat(s).isEqualTo("dev.example.hostile.HostSquatter.squat()V @ offset 4"
                + " (line 23): synchronizes on the class object java.lang.String (shared with the"
                + " host) [shared-monitor]"));
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
