package dev.custody.checker.ifc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing RIFL policies: the forms accepted, defaults for domains, and errors. */
class FlowPolicyTest {

  @Test
  void method_element_with_nested_parameter_and_domain_attribute(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("p.xml");
    Files.writeString(f, """
        <riflconfig>
          <attackerIO>
            <sink><method class="a.Net" method="send(I)V"><parameter index="1"/></method></sink>
            <source><returnvalue class="a.Net" method="recv()I"/></source>
          </attackerIO>
          <sourcesandsinks>
            <source domain="internal"><method class="a.Db" method="row()I"><returnvalue/></method></source>
            <source><returnvalue class="a.Db" method="key()I"/></source>
          </sourcesandsinks>
        </riflconfig>""");
    FlowPolicy p = FlowPolicy.parseRifl(f);
    assertThat(p.all()).extracting(FlowPolicy.Spec::owner, FlowPolicy.Spec::signature, FlowPolicy.Spec::param, FlowPolicy.Spec::domain)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("a.Net", "send(I)V", 1, "<bottom>"),
            org.assertj.core.groups.Tuple.tuple("a.Net", "recv()I", 0, "<bottom>"),
            org.assertj.core.groups.Tuple.tuple("a.Db", "row()I", 0, "internal"),
            org.assertj.core.groups.Tuple.tuple("a.Db", "key()I", 0, "<top>"));
    assertThat(p.lattice("p")).isNull();
  }

  @Test
  void domains_and_flow_relation_define_a_lattice(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("p.xml");
    Files.writeString(f, """
        <riflconfig>
          <domains><domain name="low"/><domain name="high"/></domains>
          <flowrelation><flow from="low" to="high"/></flowrelation>
        </riflconfig>""");
    Lattice l = FlowPolicy.parseRifl(f).lattice("p");
    assertThat(l.names()).containsExactly("low", "high");
    assertThat(l.bottom()).isEqualTo(l.index("low"));
    assertThat(l.leq(l.index("low"), l.index("high"))).isTrue();
  }

  @Test
  void wrong_root_and_missing_method_are_named(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.xml");
    Files.writeString(f, "<policy/>");
    assertThatThrownBy(() -> FlowPolicy.parseRifl(f)).hasMessageContaining("root element must be <riflconfig>");
    Files.writeString(f, "<riflconfig><sourcesandsinks><source><returnvalue class=\"a.B\"/></source></sourcesandsinks></riflconfig>");
    assertThatThrownBy(() -> FlowPolicy.parseRifl(f)).hasMessageContaining("needs class=");
  }
}
