package dev.custody.checker.ifc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.checker.testing.CheckerHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The paper's §4 examples as they are kept in {@code examples/} (read from that module's
 * sources, so the test follows them): the clean variants pass, and the failing variants — the
 * paper's Buffer program with line 17, and the secure store with a seeded access-check bug — are
 * rejected at the leaking lines.
 */
class PaperExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "src", "main", "java", "dev", "custody", "examples", "ifc");

  private static String example(String file) throws IOException {
    return Files.readString(EXAMPLES.resolve(file));
  }

  private static CheckerHarness withStore(String store) throws IOException {
    CheckerHarness h = CheckerHarness.create();
    for (String f : new String[] {"Client.java", "OrdinaryClient.java", "PrivilegedClient.java"}) {
      h.addSource("dev/custody/examples/ifc/" + f, example(f));
    }
    return h.addSource("dev/custody/examples/ifc/SecureStore.java", store);
  }

  @Test
  void secure_store_example_passes_the_checker() throws IOException {
    var result = withStore(example("SecureStore.java"))
        .addSource("dev/custody/examples/ifc/SecureStoreExample.java", example("SecureStoreExample.java"))
        .compile();
    assertThat(result.diagnostics()).noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    assertThat(result.withKey("custody.ifc")).singleElement()
        .satisfies(d -> assertThat(d.getMessage(Locale.ROOT)).contains("declassification to 'public'"));
  }

  @Test
  void secure_store_with_seeded_access_check_bug_is_flagged_at_the_leaking_line() throws IOException {
    String good = example("SecureStore.java");
    String check = "o.deliver(key, readOrdinary(key));";
    assertThat(good).contains(check);
    // The seeded bug: the access check hands an ordinary client the privileged lookup.
    String buggy = good.replace(check, "o.deliver(key, readAny(key)); // error: [custody.ifc] secret value reaches public "
        + "channel OrdinaryClient.deliver; source: field 'SecureStore.privilegedData'");
    withStore(buggy).expectMarkedDiagnostics();
  }

  @Test
  void buffer_example_passes_and_the_papers_variant_fails_with_the_two_errors() throws IOException {
    var clean = CheckerHarness.create()
        .addSource("dev/custody/examples/ifc/Vec.java", example("Vec.java"))
        .addSource("dev/custody/examples/ifc/Buffer.java", example("Buffer.java"))
        .addSource("dev/custody/examples/ifc/BufferExample.java", example("BufferExample.java"))
        .compile();
    assertThat(clean.success()).as(clean.render()).isTrue();
    assertThat(clean.withKey("custody.ifc")).isEmpty();
    assertThat(clean.withKey("custody.ownership")).isEmpty();

    String paper = """
        package dev.custody.examples.ifc;
        import dev.custody.ifc.Label;
        class Paper {
          void run() {
            Buffer buf = new Buffer();
            @Label("public") Vec nonsec = Vec.of(1, 2, 3);
            @Label("secret") Vec sec = Vec.of(4, 5, 6);
            buf.append(nonsec);
            buf.append(sec);
            System.out.println(buf.data); // error: [custody.ifc] secret value reaches public channel PrintStream.println; source: variable 'sec' (line 7)
            System.out.println(nonsec); // error: [custody.ownership] use of moved value 'nonsec' (moved at line 8)
          }
        }
        """;
    var result = CheckerHarness.create()
        .addSource("dev/custody/examples/ifc/Vec.java", example("Vec.java"))
        .addSource("dev/custody/examples/ifc/Buffer.java", example("Buffer.java"))
        .addSource("dev/custody/examples/ifc/Paper.java", paper)
        .expectMarkedDiagnostics();
    assertThat(result.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)).hasSize(2);
  }
}
