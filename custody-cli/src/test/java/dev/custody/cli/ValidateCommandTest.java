package dev.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = CustodyCli.run(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  static Path compile(Path dir, String name, String source) throws IOException {
    Path src = dir.resolve("src").resolve(name + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-d",
        classes.toString(), src.toString());
    assertThat(rc).isZero();
    return classes;
  }

  @Test
  void acceptedClassDirectoryExitsZero(@TempDir Path tmp) throws IOException {
    Path classes = compile(tmp, "Good", """
        public class Good { public String hi() { return "hi " + java.util.List.of(1, 2); } }
        """);
    Result r = run("validate", classes.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("accepted");
  }

  @Test
  void rejectedJarExitsOneWithOneLinePerViolation(@TempDir Path tmp) throws IOException {
    Path classes = compile(tmp, "Bad", """
        public class Bad {
          public void a() { System.exit(1); }
          public void b() { new Thread(() -> {}).start(); }
        }
        """);
    Path jar = tmp.resolve("bad.jar");
    try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
      j.putNextEntry(new JarEntry("Bad.class"));
      j.write(Files.readAllBytes(classes.resolve("Bad.class")));
    }
    Result r = run("validate", jar.toString());
    assertThat(r.code()).isEqualTo(1);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).containsExactly(
        "Bad.a()V @ offset 1 (line 2): calls java.lang.System.exit(I)V [exit]",
        "Bad.b()V @ offset 9 (line 3): calls java.lang.Thread.<init>(Ljava/lang/Runnable;)V"
            + " [threads]");
    assertThat(r.err()).contains("rejected, 2 violations");
  }

  @Test
  void unreadableInputExitsTwo(@TempDir Path tmp) throws IOException {
    Result missing = run("validate", tmp.resolve("missing.jar").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("missing.jar: no such file");

    Path junk = Files.writeString(tmp.resolve("junk.jar"), "this is not a jar");
    Result corruptJar = run("validate", junk.toString());
    assertThat(corruptJar.code()).isEqualTo(2);
    assertThat(corruptJar.err()).contains("junk.jar: not a valid jar");

    Path dir = Files.createDirectories(tmp.resolve("dir/p"));
    Files.write(dir.resolve("Broken.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1});
    Result corruptClass = run("validate", tmp.resolve("dir").toString());
    assertThat(corruptClass.code()).isEqualTo(2);
    assertThat(corruptClass.err()).contains("class p.Broken: malformed class file");
  }
}
