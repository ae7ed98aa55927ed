package dev.custody.domains.confine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class BytecodeValidatorTest {

  /** Compiles {@code evil.Hostile} whose body is {@code members}, and validates it. */
  static List<String> check(String imports, String members, String... options) {
    String src = "package evil;\n" + imports + "\npublic class Hostile {\n" + members + "\n}\n";
    return validate(Map.of("evil.Hostile", src), options);
  }

  static List<String> validate(Map<String, String> sources, String... options) {
    ClassSource s = InMemoryCompiler.source("test", sources, options);
    try {
      return new BytecodeValidator(ConfinementPolicy.defaults())
          .validate(s, ConfinedDomains.hostVisibility(ConfinementPolicy.defaults(), Set.of()))
          .stream().map(Violation::toString).toList();
    } catch (UnreadableClassException e) {
      throw new AssertionError(e);
    }
  }

  static Arguments hostile(String category, String expected, String imports, String body) {
    return Arguments.of(category, expected, imports, body);
  }

  static List<Arguments> everyRefusedCategory() {
    return List.of(
        hostile("reflection", "calls java.lang.reflect.Field.setAccessible(Z)V [reflection]",
            "import java.lang.reflect.*;",
            "public void run() throws Exception {"
                + " Field f = String.class.getDeclaredField(\"value\"); f.setAccessible(true); }"),
        hostile("reflection", "calls java.lang.invoke.MethodHandles.privateLookupIn(Ljava/lang/"
                + "Class;Ljava/lang/invoke/MethodHandles$Lookup;)Ljava/lang/invoke/MethodHandles$"
                + "Lookup; [reflection]", "import java.lang.invoke.*;",
            "public Object run() throws Exception {"
                + " return MethodHandles.privateLookupIn(String.class, MethodHandles.lookup()); }"),
        hostile("reflection", "calls java.lang.reflect.Method.invoke(Ljava/lang/Object;[Ljava/lang/"
                + "Object;)Ljava/lang/Object; [reflection]", "",
            "public Object run() throws Exception { return System.class.getMethod(\"exit\","
                + " int.class).invoke(null, 0); }"),
        hostile("reflection", "calls java.lang.invoke.MethodHandles$Lookup.findStatic(",
            "import java.lang.invoke.*;",
            "public Object run() throws Exception { return MethodHandles.publicLookup().findStatic("
                + "System.class, \"exit\", MethodType.methodType(void.class, int.class)); }"),
        hostile("class-for-name", "on \"dev.custody.domains.confine.BytecodeValidator\", a class"
                + " the domain may not see [class-for-name]", "",
            "public Object run() throws Exception {"
                + " return Class.forName(\"dev.custody.domains.confine.BytecodeValidator\"); }"),
        hostile("class-for-name", "calls java.lang.Class.forName(Ljava/lang/String;)Ljava/lang/"
                + "Class; with a non-constant name [class-for-name]", "",
            "public Object run(String n) throws Exception { return Class.forName(n); }"),
        hostile("class-for-name", "calls java.lang.ClassLoader.loadClass(", "",
            "public Object run() throws Exception {"
                + " return getClass().getClassLoader().loadClass(\"x.Y\"); }"),
        hostile("unsafe", "references class sun.misc.Unsafe [unsafe]", "",
            "public Object run() { return sun.misc.Unsafe.class; }"),
        hostile("native", "evil.Hostile.poke(J)V: declares native method evil.Hostile.poke(J)V"
                + " [native]", "", "public native void poke(long address);"),
        hostile("native", "calls java.lang.System.loadLibrary(Ljava/lang/String;)V [native]", "",
            "public void run() { System.loadLibrary(\"evil\"); }"),
        hostile("foreign", "calls java.lang.foreign.Arena.ofConfined()Ljava/lang/foreign/Arena;"
                + " [foreign]", "", "public Object run() {"
                + " return java.lang.foreign.Arena.ofConfined(); }"),
        hostile("exit", "calls java.lang.System.exit(I)V [exit]", "",
            "public void run() { System.exit(3); }"),
        hostile("exit", "calls java.lang.Runtime.halt(I)V [exit]", "",
            "public void run() { Runtime.getRuntime().halt(3); }"),
        hostile("gc", "calls java.lang.System.gc()V [gc]", "",
            "public void run() { System.gc(); }"),
        hostile("gc", "calls java.lang.Runtime.gc()V [gc]", "",
            "public void run() { Runtime.getRuntime().gc(); }"),
        hostile("threads", "calls java.lang.Thread.<init>(Ljava/lang/Runnable;)V [threads]", "",
            "public void run() { new Thread(() -> {}).start(); }"),
        hostile("threads", "calls java.lang.Thread.ofVirtual()", "",
            "public void run() { Thread.ofVirtual().start(() -> {}); }"),
        hostile("threads", "calls java.lang.Thread.startVirtualThread(", "",
            "public void run() { Thread.startVirtualThread(() -> {}); }"),
        hostile("threads", "calls java.util.concurrent.Executors.newFixedThreadPool(I)", "",
            "public Object run() {"
                + " return java.util.concurrent.Executors.newFixedThreadPool(2); }"),
        hostile("threads", "calls java.util.concurrent.ForkJoinPool.<init>()V [threads]", "",
            "public Object run() { return new java.util.concurrent.ForkJoinPool(); }"),
        hostile("threads", "calls java.util.concurrent.CompletableFuture.runAsync(", "",
            "public Object run() {"
                + " return java.util.concurrent.CompletableFuture.runAsync(() -> {}); }"),
        hostile("threads", "calls java.util.stream.IntStream.parallel()", "",
            "public int run() { return java.util.stream.IntStream.range(0, 9).parallel().sum(); }"),
        hostile("threads", "calls java.util.List.parallelStream()", "",
            "public long run() { return java.util.List.of(1).parallelStream().count(); }"),
        hostile("class-loader", "calls java.net.URLClassLoader.<init>([Ljava/net/URL;)V"
                + " [class-loader]", "",
            "public Object run() { return new java.net.URLClassLoader(new java.net.URL[0]); }"),
        hostile("class-loader", "calls java.lang.invoke.MethodHandles$Lookup.defineClass([B)"
                + "Ljava/lang/Class; [class-loader]", "import java.lang.invoke.*;",
            "public Object run(byte[] b) throws Exception {"
                + " return MethodHandles.lookup().defineClass(b); }"),
        hostile("process", "calls java.lang.ProcessBuilder.<init>([Ljava/lang/String;)V"
                + " [process]", "", "public Object run() throws Exception {"
                + " return new ProcessBuilder(\"ls\").start(); }"),
        hostile("process", "calls java.lang.Runtime.exec(Ljava/lang/String;)Ljava/lang/Process;"
                + " [process]", "", "public Object run() throws Exception {"
                + " return Runtime.getRuntime().exec(\"ls\"); }"),
        hostile("std-streams", "calls java.lang.System.setOut(Ljava/io/PrintStream;)V"
                + " [std-streams]", "", "public void run() { System.setOut(null); }"),
        hostile("std-streams", "calls java.lang.System.setErr(", "",
            "public void run() { System.setErr(System.out); }"),
        hostile("system-properties", "calls java.lang.System.setProperty(Ljava/lang/String;"
                + "Ljava/lang/String;)Ljava/lang/String; [system-properties]", "",
            "public void run() { System.setProperty(\"a\", \"b\"); }"),
        hostile("system-properties", "calls java.lang.System.clearProperty(", "",
            "public void run() { System.clearProperty(\"a\"); }"),
        hostile("file-io", "calls java.io.FileInputStream.<init>(Ljava/lang/String;)V [file-io]",
            "", "public Object run() throws Exception {"
                + " return new java.io.FileInputStream(\"/etc/passwd\"); }"),
        hostile("file-io", "calls java.nio.file.Path.of(", "", "public Object run() throws"
                + " Exception { return java.nio.file.Files.readString(java.nio.file.Path.of(\"x\"));"
                + " }"),
        hostile("file-io", "calls java.io.PrintWriter.<init>(Ljava/lang/String;)V [file-io]", "",
            "public Object run() throws Exception { return new java.io.PrintWriter(\"x\"); }"),
        hostile("file-io", "calls java.io.RandomAccessFile.<init>(", "", "public Object run()"
                + " throws Exception { return new java.io.RandomAccessFile(\"x\", \"r\"); }"),
        hostile("network-io", "calls java.net.Socket.<init>(Ljava/lang/String;I)V [network-io]",
            "", "public Object run() throws Exception {"
                + " return new java.net.Socket(\"example.com\", 80); }"),
        hostile("network-io", "calls java.net.URL.openConnection()Ljava/net/URLConnection;"
                + " [network-io]", "", "public Object run() throws Exception {"
                + " return java.net.URI.create(\"http://x\").toURL().openConnection(); }"),
        hostile("network-io", "calls java.nio.channels.SocketChannel.open()", "",
            "public Object run() throws Exception {"
                + " return java.nio.channels.SocketChannel.open(); }"),
        hostile("custody-internal", "calls dev.custody.domains.confine.BytecodeValidator.<init>("
                + "Ldev/custody/domains/confine/ConfinementPolicy;)V [custody-internal]", "",
            "public Object run() { return new dev.custody.domains.confine.BytecodeValidator("
                + "dev.custody.domains.confine.ConfinementPolicy.defaults()); }"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("everyRefusedCategory")
  void refusesEveryCategory(String category, String expected, String imports, String body) {
    List<String> v = check(imports, body);
    assertThat(v).as("violations of " + body).isNotEmpty()
        .anySatisfy(s -> assertThat(s).startsWith("evil.Hostile").contains(expected)
            .endsWith("[" + category + "]"));
  }

  @Test
  void messageNamesClassMethodOffsetLineAndTarget() {
    String src = """
        package evil;
        public class Plugin {
          public void run() {
            System.exit(3);
          }
        }
        """;
    assertThat(validate(Map.of("evil.Plugin", src))).containsExactly(
        "evil.Plugin.run()V @ offset 1 (line 4): calls java.lang.System.exit(I)V [exit]");
  }

  @Test
  void jdkInternalIsRefused() {
    List<String> v = check("", "public boolean run() { return jdk.internal.misc.VM.isBooted(); }",
        "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED");
    assertThat(v).singleElement().asString()
        .contains("calls jdk.internal.misc.VM.isBooted()Z [jdk-internal]");
  }

  @Test
  void lambdaBodyIsCheckedInItsSyntheticMethod() {
    List<String> v = check("", "public Runnable run() { return () -> System.exit(1); }");
    assertThat(v).singleElement().asString()
        .matches("evil\\.Hostile\\.lambda\\$run\\$0\\(\\)V @ offset 1 \\(line \\d+\\):"
            + " calls java\\.lang\\.System\\.exit\\(I\\)V \\[exit\\]");
  }

  @Test
  void methodReferenceIsCheckedThroughTheBootstrapArgument() {
    List<String> v = check("import java.util.function.*;",
        "public IntConsumer run() { return System::exit; }");
    assertThat(v).singleElement().asString()
        .contains("evil.Hostile.run()Ljava/util/function/IntConsumer; @ offset 0")
        .endsWith("method handle to java.lang.System.exit(I)V [exit]");
  }

  @Test
  void constructorReferenceToThreadIsRefused() {
    List<String> v = check("import java.util.function.*;",
        "public Function<Runnable, Thread> run() { return Thread::new; }");
    assertThat(v).singleElement().asString()
        .endsWith("method handle to java.lang.Thread.<init>(Ljava/lang/Runnable;)V [threads]");
  }

  @Test
  void innerAnonymousAndLocalClassesAreChecked() {
    String src = """
        package evil;
        public class Outer {
          class Inner { void f() { System.exit(2); } }
          Runnable anon() { return new Runnable() { public void run() { Runtime.getRuntime().halt(0); } }; }
          void local() { record R() { void g() { System.setOut(null); } } }
        }
        """;
    assertThat(validate(Map.of("evil.Outer", src)))
        .anySatisfy(s -> assertThat(s).startsWith("evil.Outer$Inner.f()V").endsWith("[exit]"))
        .anySatisfy(s -> assertThat(s).startsWith("evil.Outer$1.run()V").contains("halt"))
        .anySatisfy(s -> assertThat(s).startsWith("evil.Outer$1R.g()V").endsWith("[std-streams]"))
        .hasSize(3);
  }

  @Test
  void staticInitialiserIsChecked() {
    List<String> v = check("", "static { System.setProperty(\"user.dir\", \"/\"); }");
    assertThat(v).singleElement().asString()
        .startsWith("evil.Hostile.<clinit>()V @ offset")
        .endsWith("[system-properties]");
  }

  @Test
  void subclassingThreadOrClassLoaderIsRefused() {
    String src = """
        package evil;
        public class Sub {
          static class T extends Thread {}
          static class L extends java.security.SecureClassLoader {}
        }
        """;
    assertThat(validate(Map.of("evil.Sub", src)))
        .contains("evil.Sub$T: extends java.lang.Thread [threads]",
            "evil.Sub$L: extends java.security.SecureClassLoader [class-loader]")
        .anySatisfy(s -> assertThat(s).startsWith("evil.Sub$T.<init>()V @ offset 1")
            .endsWith("calls java.lang.Thread.<init>()V [threads]"));
  }

  @Test
  void jdkSubclassOfForbiddenTypeIsCaughtThroughItsHierarchy() {
    // JarFile's own rule aside, SSLSocket is only refused because it extends java.net.Socket.
    List<String> v = check("", "public Object run(javax.net.ssl.SSLSocket s) throws Exception {"
        + " return s.getInputStream(); }");
    assertThat(v).singleElement().asString()
        .contains("calls javax.net.ssl.SSLSocket.getInputStream()").endsWith("[network-io]");
  }

  @Test
  void domainManagementOfOtherDomainsIsRefused() {
    List<String> v = check("import dev.custody.domains.Domain;",
        "public String run() { Domain.host().shutdown(); return Domain.current().name(); }");
    assertThat(v).hasSize(2)
        .anySatisfy(s -> assertThat(s).contains("calls dev.custody.domains.Domain.host()")
            .endsWith("[custody-internal]"))
        .anySatisfy(s -> assertThat(s).contains("calls dev.custody.domains.Domain.shutdown()V")
            .endsWith("[custody-internal]"));
  }

  /**
   * A dynamic constant (no javac syntax produces it) whose bootstrap invokes a method handle to
   * System.exit: both the bootstrap method and its argument are reported.
   */
  @Test
  void dynamicConstantBootstrapAndArgumentsAreChecked() throws UnreadableClassException {
    var exit = java.lang.constant.MethodHandleDesc.ofMethod(
        java.lang.constant.DirectMethodHandleDesc.Kind.STATIC,
        java.lang.constant.ClassDesc.of("java.lang.System"), "exit",
        java.lang.constant.MethodTypeDesc.ofDescriptor("(I)V"));
    var condy = java.lang.constant.DynamicConstantDesc.ofNamed(
        java.lang.constant.ConstantDescs.BSM_INVOKE, "_", java.lang.constant.ConstantDescs.CD_Object,
        exit, 3);
    byte[] bytes = java.lang.classfile.ClassFile.of().build(
        java.lang.constant.ClassDesc.of("evil.Condy"), cb -> cb.withMethodBody("run",
            java.lang.constant.MethodTypeDesc.ofDescriptor("()Ljava/lang/Object;"),
            java.lang.classfile.ClassFile.ACC_PUBLIC | java.lang.classfile.ClassFile.ACC_STATIC,
            code -> code.ldc(condy).areturn()));
    List<String> v = new BytecodeValidator(ConfinementPolicy.defaults())
        .validate("evil.Condy", bytes, n -> false, n -> false).stream()
        .map(Violation::toString).toList();
    assertThat(v).containsExactlyInAnyOrder(
        "evil.Condy.run()Ljava/lang/Object; @ offset 0: bootstrap method"
            + " java.lang.invoke.ConstantBootstraps.invoke(Ljava/lang/invoke/MethodHandles$Lookup;"
            + "Ljava/lang/String;Ljava/lang/Class;Ljava/lang/invoke/MethodHandle;[Ljava/lang/Object;)"
            + "Ljava/lang/Object; [reflection]",
        "evil.Condy.run()Ljava/lang/Object; @ offset 0: method handle to"
            + " java.lang.System.exit(I)V [exit]");
  }

  @Test
  void benignModernCodeIsAccepted() {
    String src = """
        package good;
        import java.util.*;
        import java.util.stream.*;
        public class Modern {
          public sealed interface Shape permits Circle, Square {}
          public record Circle(double r) implements Shape {}
          public record Square(double side) implements Shape {}
          enum Colour { RED, GREEN }
          static double area(Shape s) {
            return switch (s) {
              case Circle c when c.r() == 0 -> 0;
              case Circle c -> Math.PI * c.r() * c.r();
              case Square(double side) -> side * side;
            };
          }
          static String colour(Colour c) {
            return switch (c) { case RED -> "r"; case GREEN -> "g"; };
          }
          static Object describe(Object o) {
            return switch (o) {
              case Integer i when i > 3 -> "big " + i;
              case String s -> s.formatted();
              default -> String.format("%s/%d", o, 1);
            };
          }
          public static String run() throws Exception {
            List<Shape> shapes = List.of(new Circle(1), new Square(2));
            Map<String, Double> m = new TreeMap<>();
            shapes.forEach(s -> m.put(s.toString(), area(s)));
            var total = shapes.stream().mapToDouble(Modern::area).sum();
            String joined = IntStream.range(0, 5).boxed().map(String::valueOf)
                .collect(Collectors.joining(","));
            Optional<String> first = m.keySet().stream().findFirst();
            StringBuilder sb = new StringBuilder().append(total).append(joined);
            Set<Integer> set = new HashSet<>(List.of(1, 2, 3));
            Deque<String> dq = new ArrayDeque<>();
            dq.push("x");
            Object cls = Class.forName("java.util.ArrayList");
            System.out.println("%s %s %s".formatted(first.orElse("-"), colour(Colour.RED),
                describe(7)));
            return sb + " " + set + dq + cls + java.time.Duration.ofSeconds(3)
                + new java.math.BigDecimal("1.5") + "a,b".split(",").length;
          }
        }
        """;
    assertThat(validate(Map.of("good.Modern", src))).isEmpty();
  }

  @Test
  void classesOfTheSameSourceMayReferToEachOther() {
    assertThat(validate(Map.of(
        "good.A", "package good; public class A { B b = new B(); Object c() throws Exception {"
            + " return Class.forName(\"good.B\"); } }",
        "good.B", "package good; public class B { static int n; }"))).isEmpty();
  }

  @Test
  void malformedClassFileIsUnreadable() {
    ClassSource s = ClassSource.of("broken", Map.of("x.Broken", new byte[] {(byte) 0xCA, 1, 2}));
    assertThatThrownBy(() -> new BytecodeValidator(ConfinementPolicy.defaults())
        .validate(s, n -> false))
        .isInstanceOf(UnreadableClassException.class)
        .hasMessageContaining("class x.Broken: malformed class file");
  }

  @Test
  void allowingACategoryLiftsIt() {
    String body = "public void run() { System.exit(3); }";
    ClassSource s = InMemoryCompiler.source("t",
        Map.of("evil.Hostile", "package evil; public class Hostile {" + body + "}"));
    ConfinementPolicy p = ConfinementPolicy.defaults().allowing(Category.EXIT);
    try {
      assertThat(new BytecodeValidator(p).validate(s, n -> false)).isEmpty();
    } catch (UnreadableClassException e) {
      throw new AssertionError(e);
    }
    assertThatThrownBy(() -> ConfinementPolicy.defaults().allowing(Category.CUSTODY_INTERNAL))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
