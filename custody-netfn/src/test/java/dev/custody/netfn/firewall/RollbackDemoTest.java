package dev.custody.netfn.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackDemoTest {
  @Test
  void demoShowsAFailedUpdateRolledBack() {
    List<String> lines = new ArrayList<>();
    RollbackDemo.Outcome o = RollbackDemo.run(lines::add);
    assertThat(o.rulesBefore()).isEqualTo(3);
    assertThat(o.rulesAfter()).isEqualTo(3);
    assertThat(o.lookupBefore()).isEqualTo(Action.ALLOW);
    assertThat(o.lookupAfter()).isEqualTo(Action.ALLOW);
    assertThat(o.failure()).contains("rule update 2").contains("priority 20 is already used");
    assertThat(o.rolledBack()).isTrue();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(3)).contains("3 rules").contains("ALLOW").contains("as before");
  }
}
