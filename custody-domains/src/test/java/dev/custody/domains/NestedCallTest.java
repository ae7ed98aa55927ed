package dev.custody.domains;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.domains.fixtures.Forwarder;
import dev.custody.domains.fixtures.Hop;
import dev.custody.domains.fixtures.HopProxy;
import org.junit.jupiter.api.Test;

class NestedCallTest {
  private static RRef<Hop> hop(Domain d, RRef<Hop> next) throws DomainFailedException {
    return d.execute(() -> RRef.<Hop>recoverable(() -> new Forwarder(next)));
  }

  @Test
  void chainAtoBtoCSwitchesAndRestoresTheCurrentDomain() throws Exception {
    Domain a = Domain.create("A");
    Domain b = Domain.create("B");
    Domain c = Domain.create("C");
    Hop entry = new HopProxy(hop(a, hop(b, hop(c, null))));

    assertThat(entry.visit("host", false)).isEqualTo("host>A>B>C");
    assertThat(Domain.current()).isSameAs(Domain.host());
  }

  @Test
  void failureInCIsReportedToBWhichMayCatchIt() throws Exception {
    Domain a = Domain.create("A2");
    Domain b = Domain.create("B2");
    Domain c = Domain.create("C2");
    Hop entry = new HopProxy(hop(a, hop(b, hop(c, null))));

    assertThat(entry.visit("host", true)).isEqualTo("host>A2>B2>caught(C2)");
    assertThat(c.failureCount()).isEqualTo(1);
    assertThat(b.failureCount()).isZero();
    assertThat(a.failureCount()).isZero();
    assertThat(entry.visit("host", false)).isEqualTo("host>A2>B2>C2"); // C recovered
  }

  @Test
  void reentrantCallAtoBtoA() throws Exception {
    Domain a = Domain.create("RA");
    Domain b = Domain.create("RB");
    RRef<Hop> backIntoA = hop(a, null);
    Hop entry = new HopProxy(hop(a, hop(b, backIntoA)));

    assertThat(entry.visit("host", false)).isEqualTo("host>RA>RB>RA");
    // The re-entrant hop fails: A recovers while its outer frame is still on the stack; B catches.
    assertThat(entry.visit("host", true)).isEqualTo("host>RA>RB>caught(RA)");
    assertThat(a.failureCount()).isEqualTo(1);
    assertThat(a.state()).isEqualTo(Domain.State.RUNNING);
    assertThat(entry.visit("host", false)).isEqualTo("host>RA>RB>RA");
    assertThat(Domain.current()).isSameAs(Domain.host());
  }
}
