package dev.custody.checker.ifc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library compiled earlier (another module) whose API carries {@code @Label}: client code that
 * never mentions a label still gets checked, because the labels are read from the class files.
 */
class LabelledLibraryTest {

  @Test
  void labels_in_class_files_are_sources(@TempDir Path dir) throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib/src/lib"));
    Files.writeString(lib.resolve("Vault.java"), """
        package lib;
        import dev.custody.ifc.Label;
        public final class Vault {
          @Label("secret") public static String key() { return "k"; }
          @Label("secret") public static final String PIN = "1234".substring(0);
        }
        """);
    Path libOut = Files.createDirectories(dir.resolve("lib/classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String cp = System.getProperty("java.class.path");
    assertThat(javac.run(null, null, null, "-proc:none", "-cp", cp, "-d", libOut.toString(),
        lib.resolve("Vault.java").toString())).isZero();

    Path app = Files.createDirectories(dir.resolve("app/src/app"));
    Files.writeString(app.resolve("Client.java"), """
        package app;
        class Client {
          void run() {
            System.out.println(lib.Vault.key());
            System.out.println(lib.Vault.PIN.length());
            System.out.println("fine");
          }
        }
        """);
    StringWriter err = new StringWriter();
    int rc = javac.getTask(err, null, null, List.of("-Xplugin:Custody", "-proc:none", "-cp", libOut + java.io.File.pathSeparator + cp,
        "-d", Files.createDirectories(dir.resolve("app/classes")).toString()), null,
        javac.getStandardFileManager(null, null, null).getJavaFileObjects(app.resolve("Client.java"))).call() ? 0 : 1;
    assertThat(rc).isEqualTo(1);
    assertThat(err.toString())
        .contains("Client.java:4: error: [custody.ifc] secret value reaches public channel PrintStream.println; source: return of 'Vault.key'")
        .contains("Client.java:5: error: [custody.ifc] secret value reaches public channel PrintStream.println; source: field 'Vault.PIN'")
        .doesNotContain("Client.java:6");
  }
}
