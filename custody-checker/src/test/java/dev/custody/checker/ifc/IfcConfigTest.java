package dev.custody.checker.ifc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.checker.testing.CheckerHarness;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the lattice and the flow policy come from: plugin arguments, the source path, RIFL. */
class IfcConfigTest {

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(IfcConfigTest.class.getClassLoader().getResource(name).toURI());
  }

  @Test
  void custom_lattice_from_plugin_argument_with_chain_and_incomparable_labels() throws Exception {
    CheckerHarness.create()
        .pluginArgs("lattice=" + resource("ifc/custom-lattice.properties"))
        .addResource("ifc/CustomLattice.java")
        .expectMarkedDiagnostics();
  }

  @Test
  void custom_lattice_found_on_the_source_path(@TempDir Path dir) throws Exception {
    Files.copy(resource("ifc/custom-lattice.properties"), dir.resolve("custody-lattice.properties"));
    CheckerHarness.create()
        .options("-sourcepath", dir.toString())
        .addResource("ifc/CustomLattice.java")
        .expectMarkedDiagnostics();
  }

  @Test
  void default_lattice_rejects_custom_label_names() {
    var result = CheckerHarness.create().addResource("ifc/CustomLattice.java").compile();
    assertThat(result.withKey("custody.ifc"))
        .anySatisfy(d -> assertThat(d.getMessage(Locale.ROOT)).contains("unknown label 'internal'"));
  }

  @Test
  void lattice_without_a_join_is_a_clear_error(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.properties");
    Files.writeString(bad, "labels = public, a, b\norder = public < a, public < b\n");
    var result = CheckerHarness.create()
        .pluginArgs("lattice=" + bad)
        .addSource("p/A.java", "package p; class A {}")
        .compile();
    assertThat(result.success()).isFalse();
    assertThat(result.render()).contains("[custody.ifc] bad information-flow configuration")
        .contains("labels 'a' and 'b' have no least upper bound");
  }

  @Test
  void rifl_policy_names_sources_and_sinks_of_unannotated_code() throws Exception {
    CheckerHarness.create()
        .pluginArgs("policy=" + resource("ifc/rifl-policy.xml"))
        .addResource("ifc/ThirdParty.java")
        .expectMarkedDiagnostics();
  }

  @Test
  void without_the_policy_the_same_code_is_clean() {
    var result = CheckerHarness.create().addResource("ifc/ThirdParty.java").compile();
    assertThat(result.withKey("custody.ifc")).isEmpty();
    assertThat(result.success()).isTrue();
  }

  @Test
  void rifl_domain_outside_the_lattice_is_a_clear_error(@TempDir Path dir) throws Exception {
    Path rifl = dir.resolve("p.xml");
    Files.writeString(rifl, """
        <riflconfig><sourcesandsinks>
          <source domain="topsecret"><returnvalue class="p.A" method="k()I"/></source>
        </sourcesandsinks></riflconfig>""");
    var result = CheckerHarness.create()
        .pluginArgs("policy=" + rifl)
        .addSource("p/A.java", "package p; class A { static int k() { return 1; } }")
        .compile();
    assertThat(result.render()).contains("unknown label 'topsecret'");
  }

  @Test
  void lattice_parsing() {
    var props = new java.util.Properties();
    props.setProperty("labels", "public, internal, secret");
    props.setProperty("order", "public < internal < secret");
    Lattice l = Lattice.parse(props, "t");
    int pub = l.index("public");
    int in = l.index("internal");
    int sec = l.index("secret");
    assertThat(l.bottom()).isEqualTo(pub);
    assertThat(l.top()).isEqualTo(sec);
    assertThat(l.leq(pub, sec)).isTrue();
    assertThat(l.leq(sec, in)).isFalse();
    assertThat(l.join(pub, in)).isEqualTo(in);
  }
}
