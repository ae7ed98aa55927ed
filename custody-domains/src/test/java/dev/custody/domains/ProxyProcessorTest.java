package dev.custody.domains;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.Owned;
import dev.custody.domains.processor.DomainInterfaceProcessor;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles interfaces in memory with the proxy processor given explicitly, and reads diagnostics. */
class ProxyProcessorTest {
  @TempDir Path out;

  private record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> errors, Path out) {
    List<String> messages() {
      return errors.stream().map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    long lineOf(String fragment) {
      return errors.stream().filter(d -> d.getMessage(Locale.ROOT).contains(fragment))
          .findFirst().orElseThrow(() -> new AssertionError("no error containing: " + fragment + " in " + messages()))
          .getLineNumber();
    }
  }

  private Result compile(String className, String source) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    JavaFileObject file = new SimpleJavaFileObject(
        URI.create("string:///p/" + className + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    Files.createDirectories(out.resolve("gen"));
    String cp = location(DomainInterface.class) + File.pathSeparator + location(Owned.class);
    List<String> options = List.of("-classpath", cp, "-d", out.toString(), "-s", out.resolve("gen").toString());
    JavaCompiler.CompilationTask task = javac.getTask(null, null, diags, options, null, List.of(file));
    task.setProcessors(List.of(new DomainInterfaceProcessor()));
    boolean ok = task.call();
    List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(d);
      }
    }
    return new Result(ok, errors, out);
  }

  private static String location(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static final String GOOD = """
        package p;
        import dev.custody.*;
        import dev.custody.domains.*;
        import java.util.List;
        @DomainInterface
        public interface Good extends Base {
          enum Color { RED, GREEN }
          record Point(int x, Integer y, String label, Color color, Point next) {}
          @Linear final class Packet {}
          record Boxed<T>(T value) {}
          void nothing() throws CrossDomainException;
          long prims(int a, double b, char c, boolean d) throws Exception;
          void narrow() throws DomainFailedException;
          String strings(String s, Long boxed) throws CrossDomainException;
          Point records(Point p, Boxed<String> b) throws CrossDomainException;
          Owned<StringBuilder> owned(Owned<List<String>> in) throws CrossDomainException;
          Packet linear(Packet p) throws CrossDomainException;
          RRef<Good> refs(RRef<Base> other) throws CrossDomainException;
          int borrowed(@Borrowed List<String> view, @Borrowed byte[] data) throws CrossDomainException;
          int checked(int x) throws CrossDomainException, java.io.IOException;
          default int notProxied() { return 1; }
          static int alsoNot() { return 2; }
        }
        interface Base {
          int inherited(String s) throws CrossDomainException;
        }
        """;

  @Test
  void acceptsEveryCrossableKindAndGeneratesTheProxy() throws Exception {
    Result r = compile("Good", GOOD);
    assertThat(r.messages()).isEmpty();
    assertThat(r.success()).isTrue();
    String proxy = Files.readString(r.out().resolve("gen/p/GoodProxy.java"));
    assertThat(proxy).contains("public final class GoodProxy implements Good")
        .contains("public GoodProxy(RRef<Good> ref)")
        .contains("public static Good of(RRef<Good> ref)")
        .contains("public int inherited(final String s)")
        .contains("ProxySupport.move(in, ")
        .contains("if (e$ instanceof IOException x$) throw x$")
        .doesNotContain("notProxied")
        .doesNotContain("java.lang.reflect");
    assertThat(Files.exists(r.out().resolve("p/GoodProxy.class"))).isTrue();
  }

  @Test
  void nestedInterfaceProxyIsNamedOuterUnderscoreName() throws Exception {
    Result r = compile("Outer", """
        package p;
        import dev.custody.domains.*;
        public class Outer {
          @DomainInterface public interface Stage { int run(int x) throws CrossDomainException; }
        }
        """);
    assertThat(r.messages()).isEmpty();
    assertThat(Files.exists(r.out().resolve("p/Outer_StageProxy.class"))).isTrue();
  }

  @Test
  void methodWithoutCrossDomainExceptionIsAnErrorOnTheMethod() throws Exception {
    Result r = compile("NoThrows", """
        package p;
        import dev.custody.domains.*;
        @DomainInterface
        public interface NoThrows {
          int ok(int x) throws CrossDomainException;
          int bad(int x, String y) throws java.io.IOException;
        }
        """);
    assertThat(r.success()).isFalse();
    assertThat(r.messages()).containsExactly(
        "[custody.domains] NoThrows.bad(int, String) must declare 'throws CrossDomainException' (or a"
            + " subclass of it): a call into another domain can fail");
    assertThat(r.lineOf("NoThrows.bad")).isEqualTo(6);
    assertThat(Files.exists(r.out().resolve("gen/p/NoThrowsProxy.java"))).isFalse();
  }

  @Test
  void parameterThatMayNotCrossIsAnErrorOnTheParameterNamingItsType() throws Exception {
    Result r = compile("BadParam", """
        package p;
        import dev.custody.domains.*;
        import java.util.List;
        @DomainInterface
        public interface BadParam {
          void take(int n,
              List<String> names) throws CrossDomainException;
          void array(byte[] data) throws CrossDomainException;
          void iface(BadParam other) throws CrossDomainException;
          void object(Object o) throws CrossDomainException;
        }
        """);
    assertThat(r.messages()).containsExactlyInAnyOrder(
        "[custody.domains] BadParam.take: parameter 'names' has type java.util.List<java.lang.String>,"
            + " which may not cross a domain boundary: java.util.List<java.lang.String> is not a crossable type"
            + " (allowed: primitives and their boxes, String, enums, records of crossable types, Owned<T>,"
            + " @Linear types, RRef<T>; or annotate the parameter @Borrowed)",
        "[custody.domains] BadParam.array: parameter 'data' has type byte[], which may not cross a domain"
            + " boundary: byte[] is an array, which is mutable and would be shared (allowed: primitives and"
            + " their boxes, String, enums, records of crossable types, Owned<T>, @Linear types, RRef<T>;"
            + " or annotate the parameter @Borrowed)",
        "[custody.domains] BadParam.iface: parameter 'other' has type p.BadParam, which may not cross a"
            + " domain boundary: BadParam is a @DomainInterface; pass RRef<BadParam> so the object stays in"
            + " its domain (allowed: primitives and their boxes, String, enums, records of crossable types,"
            + " Owned<T>, @Linear types, RRef<T>; or annotate the parameter @Borrowed)",
        "[custody.domains] BadParam.object: parameter 'o' has type java.lang.Object, which may not cross a"
            + " domain boundary: java.lang.Object is not a crossable type (allowed: primitives and their"
            + " boxes, String, enums, records of crossable types, Owned<T>, @Linear types, RRef<T>; or"
            + " annotate the parameter @Borrowed)");
    assertThat(r.lineOf("parameter 'names'")).isEqualTo(7); // the parameter's own line
  }

  @Test
  void returnTypeAndRecordComponentsAreCheckedRecursively() throws Exception {
    Result r = compile("BadReturn", """
        package p;
        import dev.custody.domains.*;
        @DomainInterface
        public interface BadReturn {
          record Inner(String name, java.util.Map<String, String> attrs) {}
          record Outer(int id, Inner inner) {}
          Outer get() throws CrossDomainException;
          StringBuilder mutable() throws CrossDomainException;
        }
        """);
    assertThat(r.messages()).containsExactlyInAnyOrder(
        "[custody.domains] BadReturn.get returns p.BadReturn.Outer, which may not cross a domain boundary:"
            + " record Outer has component 'inner' of type p.BadReturn.Inner: record Inner has component"
            + " 'attrs' of type java.util.Map<java.lang.String,java.lang.String>:"
            + " java.util.Map<java.lang.String,java.lang.String> is not a crossable type (allowed: primitives"
            + " and their boxes, String, enums, records of crossable types, Owned<T>, @Linear types, RRef<T>)",
        "[custody.domains] BadReturn.mutable returns java.lang.StringBuilder, which may not cross a domain"
            + " boundary: java.lang.StringBuilder is not a crossable type (allowed: primitives and their"
            + " boxes, String, enums, records of crossable types, Owned<T>, @Linear types, RRef<T>)");
  }

  @Test
  void misusedAnnotationAndGenericsAreRejected() throws Exception {
    Result r = compile("Misuse", """
        package p;
        import dev.custody.domains.*;
        public class Misuse {
          @DomainInterface static class NotAnInterface {}
          @DomainInterface interface Generic<T> { void f() throws CrossDomainException; }
          @DomainInterface interface GenericMethod { <T> void f(T t) throws CrossDomainException; }
          @DomainInterface private interface Hidden { void f() throws CrossDomainException; }
          interface Parent { void inherited(Object o); }
          @DomainInterface interface Child extends Parent { }
        }
        """);
    assertThat(r.messages()).contains(
        "[custody.domains] @DomainInterface applies to interfaces; NotAnInterface is a class",
        "[custody.domains] @DomainInterface Generic must not be generic: type parameters cannot be checked"
            + " for crossing",
        "[custody.domains] GenericMethod.f(T) must not be generic: type parameters cannot be checked for"
            + " crossing",
        "[custody.domains] @DomainInterface Hidden must not be private (nor nested in a private type):"
            + " its proxy is generated beside it",
        "[custody.domains] Child.inherited(Object) must declare 'throws CrossDomainException' (or a"
            + " subclass of it): a call into another domain can fail");
    // Problems of an inherited method are reported on the annotated interface the user wrote.
    assertThat(r.lineOf("Child.inherited(Object) must declare")).isEqualTo(9);
    assertThat(r.messages()).anySatisfy(m -> assertThat(m).contains("Child.inherited: parameter 'o'"));
  }

  @Test
  void directMethodsGetNoDeliveryStep() throws Exception {
    Result r = compile("Direct", """
        package p;
        import dev.custody.domains.*;
        @DomainInterface
        public interface Direct {
          int a(int x) throws CrossDomainException;
          void b() throws Exception;
          void c() throws Throwable, DomainFailedException;
        }
        """);
    assertThat(r.messages()).isEmpty();
    String proxy = Files.readString(r.out().resolve("gen/p/DirectProxy.java"));
    // The hot path of a method declaring CrossDomainException (or a supertype) is unchanged.
    assertThat(proxy).doesNotContain("deliver$").doesNotContain("catch (CrossDomainException");
  }

  @Test
  void methodsDeclaringOnlySubclassesCompileWithADeliveryStep() throws Exception {
    Result r = compile("Narrow", """
        package p;
        import dev.custody.Owned;
        import dev.custody.domains.*;
        @DomainInterface
        public interface Narrow {
          class StageException extends CrossDomainException {
            public StageException(String message, Throwable cause) { super(message, null, null, cause); }
          }
          class NoCtor extends CrossDomainException {
            public NoCtor(String message) { super(message, null, null, null); }
          }
          int failed(int x) throws DomainFailedException;
          void revoked() throws RevokedException;
          void refused() throws CallRefusedException;
          Owned<String> user(Owned<String> s) throws StageException;
          void several() throws NoCtor, StageException, DomainFailedException;
          void all() throws RevokedException, CallRefusedException, DomainFailedException, java.io.IOException;
        }
        """);
    assertThat(r.messages()).isEmpty();
    assertThat(r.success()).isTrue();
    // JavaPoet wraps long lines; compare with runs of whitespace collapsed.
    String proxy = Files.readString(r.out().resolve("gen/p/NarrowProxy.java")).replaceAll("\\s+", " ");
    assertThat(proxy)
        .contains("public int failed(final int x) throws DomainFailedException")
        .contains("private static DomainFailedException deliver$M0(final CrossDomainException c$) throws")
        .contains("return ProxySupport.asFailed(c$)")
        .contains("return ProxySupport.asRevoked(c$)")
        .contains("return ProxySupport.asRefused(c$)")
        .contains("return new Narrow.StageException(ProxySupport.deliveredMessage(c$, Narrow.StageException.class), c$)")
        // several: NoCtor cannot carry a conversion, so StageException (declared next) is the target
        .contains("private static Narrow.StageException deliver$M4(final CrossDomainException c$) throws"
            + " Narrow.NoCtor, Narrow.StageException, DomainFailedException")
        .contains("if (c$ instanceof Narrow.NoCtor x$) throw x$")
        .contains("if (e$ instanceof IOException x$) throw x$");
    assertThat(Files.exists(r.out().resolve("p/NarrowProxy.class"))).isTrue();
  }

  @Test
  void subclassThatCannotCarryAConversionIsAnErrorNamingTheTypeAndMethod() throws Exception {
    Result r = compile("Unusable", """
        package p;
        import dev.custody.domains.*;
        @DomainInterface
        public interface Unusable {
          class NoCtor extends CrossDomainException {
            public NoCtor(String message) { super(message, null, null, null); }
          }
          abstract class Abstract extends CrossDomainException {
            public Abstract(String message, Throwable cause) { super(message, null, null, cause); }
          }
          int ok(int x) throws NoCtor, DomainFailedException;
          int bad(String s) throws NoCtor;
          void worse() throws Abstract, NoCtor;
        }
        """);
    assertThat(r.success()).isFalse();
    assertThat(r.messages()).containsExactlyInAnyOrder(
        "[custody.domains] Unusable.bad(String) declares only NoCtor, so its proxy must convert"
            + " RevokedException, CallRefusedException, DomainFailedException into a declared type, but NoCtor"
            + " has no public NoCtor(String, Throwable) constructor: declare CrossDomainException, or give"
            + " NoCtor a public NoCtor(String, Throwable) constructor",
        "[custody.domains] Unusable.worse() declares only Abstract, NoCtor, so its proxy must convert"
            + " RevokedException, CallRefusedException, DomainFailedException into a declared type, but"
            + " Abstract is abstract; NoCtor has no public NoCtor(String, Throwable) constructor: declare"
            + " CrossDomainException, or give NoCtor a public NoCtor(String, Throwable) constructor");
    assertThat(r.lineOf("Unusable.bad(String)")).isEqualTo(12);
    assertThat(Files.exists(r.out().resolve("gen/p/UnusableProxy.java"))).isFalse();
  }

  @Test
  void inaccessibleOrInnerSubclassCannotCarryAConversion() throws Exception {
    Result r = compile("Hidden", """
        package p;
        import dev.custody.domains.*;
        @DomainInterface
        public interface Hidden {
          void inner() throws Outer.Inner;
        }
        class Outer {
          class Inner extends CrossDomainException {
            public Inner(String m, Throwable c) { super(m, null, null, c); }
          }
        }
        """);
    assertThat(r.messages()).containsExactly(
        "[custody.domains] Hidden.inner() declares only Inner, so its proxy must convert RevokedException,"
            + " CallRefusedException, DomainFailedException into a declared type, but Inner is an inner class"
            + " (make it static): declare CrossDomainException, or declare a concrete, accessible, static"
            + " subclass with a public (String, Throwable) constructor");
  }
}
