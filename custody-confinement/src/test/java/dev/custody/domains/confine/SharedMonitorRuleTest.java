package dev.custody.domains.confine;

import static dev.custody.domains.confine.BytecodeValidatorTest.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code synchronized} on objects the host shares: the validator follows the monitor back to
 * where it came from ({@link ValueFlow}).
 */
class SharedMonitorRuleTest {

  @Test
  void stringLiteralMonitorIsRefusedWithClassMethodOffsetLineAndWhy() {
    List<String> v = check("", """
        static int n;
        public void run() {
          synchronized ("lock") {
            n++;
          }
        }""");
    // ldc "lock" (0), dup (2), astore_1 (3), monitorenter (4)
    assertThat(v).containsExactly("evil.Hostile.run()V @ offset 4 (line 6): synchronizes on the"
        + " string literal \"lock\" (interned, shared JVM-wide) [shared-monitor]");
  }

  @Test
  void jdkClassObjectMonitorIsRefused() {
    List<String> v = check("", "public void run() { synchronized (String.class) { } }");
    assertThat(v).containsExactly("evil.Hostile.run()V @ offset 4 (line 4): synchronizes on the"
        + " class object java.lang.String (shared with the host) [shared-monitor]");
  }

  @Test
  void arrayClassOfAJdkTypeIsSharedToo() {
    List<String> v = check("", "public void run() { synchronized (String[].class) { } }");
    assertThat(v).singleElement().asString()
        .endsWith("synchronizes on the class object java.lang.String[] (shared with the host)"
            + " [shared-monitor]");
  }

  @Test
  void staticFieldOfAClassOutsideTheDomainIsRefused() {
    List<String> v = check("", "public void run() { synchronized (Boolean.TRUE) { } }");
    assertThat(v).containsExactly("evil.Hostile.run()V @ offset 5 (line 4): synchronizes on"
        + " static field java.lang.Boolean.TRUE (shared with the host) [shared-monitor]");
  }

  @Test
  void boxedConstantIsRefusedAlsoThroughLocalsAndBranches() {
    List<String> v = check("", """
        public int run(boolean b) {
          Integer key = 1;
          if (b) {
            key.hashCode();
          }
          synchronized (key) {
            return key;
          }
        }""");
    assertThat(v).singleElement().asString()
        .startsWith("evil.Hostile.run(Z)I @ offset ")
        .contains("(line 9): synchronizes on the boxed value from java.lang.Integer.valueOf("
            + "I)Ljava/lang/Integer; (boxes may be cached and shared JVM-wide) [shared-monitor]");
  }

  @Test
  void explicitValueOfOfEveryCachedBoxIsRefused() {
    List<String> v = check("", """
        public void run() {
          synchronized (Long.valueOf(1)) { }
          synchronized (Short.valueOf((short) 1)) { }
          synchronized (Byte.valueOf((byte) 1)) { }
          synchronized (Character.valueOf('a')) { }
          synchronized (Boolean.valueOf(true)) { }
        }""");
    assertThat(v).hasSize(5).allSatisfy(s -> assertThat(s).contains("synchronizes on the boxed"
        + " value from java.lang.").endsWith("[shared-monitor]"));
  }

  @Test
  void internedStringIsRefused() {
    List<String> v = check("", "public void run(String s) { synchronized (s.intern()) { } }");
    assertThat(v).singleElement().asString().endsWith("synchronizes on the result of"
        + " java.lang.String.intern()Ljava/lang/String; (interned, shared JVM-wide)"
        + " [shared-monitor]");
  }

  @Test
  void ownFieldHoldingASharedObjectIsRefused() {
    // the field is written in <clinit> and in another method, read in a third
    List<String> v = check("", """
        private static final Object LOCK = "lock";
        private Object other = new Object();
        void swap() { other = Integer.class; }
        public void run() {
          synchronized (LOCK) { }
          synchronized (other) { }
        }""");
    assertThat(v).containsExactly(
        "evil.Hostile.run()V @ offset 5 (line 8): synchronizes on field evil.Hostile.LOCK,"
            + " which may hold the string literal \"lock\" (interned, shared JVM-wide)"
            + " [shared-monitor]",
        "evil.Hostile.run()V @ offset 22 (line 9): synchronizes on field evil.Hostile.other,"
            + " which may hold the class object java.lang.Integer (shared with the host)"
            + " [shared-monitor]");
  }

  @Test
  void theCurrentThreadIsAHostObject() {
    List<String> v = check("", "public void run() { Thread me = Thread.currentThread();"
        + " synchronized (me) { } }");
    assertThat(v).singleElement().asString().endsWith("synchronizes on Thread.currentThread()"
        + " (a host thread; Thread.join waits on it) [shared-monitor]");
  }

  @Test
  void sharedOnOnePathIsEnough() {
    List<String> v = check("",
        "public void run(boolean b) { synchronized (b ? this : \"x\") { } }");
    assertThat(v).singleElement().asString()
        .contains("synchronizes on the string literal \"x\"");
  }

  @Test
  void custodyApiClassObjectIsSharedWithTheHost() {
    List<String> v = check("",
        "public void run() { synchronized (dev.custody.domains.Domain.class) { } }");
    assertThat(v).singleElement().asString().endsWith("synchronizes on the class object"
        + " dev.custody.domains.Domain (shared with the host) [shared-monitor]");
  }

  @Test
  void lambdaBodyIsCheckedToo() {
    List<String> v = check("", "public Runnable run() {"
        + " return () -> { synchronized (Object.class) { } }; }");
    assertThat(v).singleElement().asString().startsWith("evil.Hostile.lambda$run$0()V @ offset")
        .contains("java.lang.Object");
  }

  @Test
  void domainOwnedMonitorsAreAccepted() {
    List<String> v = check("", """
        private final Object lock = new Object();
        private static final Object STATIC_LOCK = new Object();
        private int n;
        public synchronized void a() { n++; }
        public static synchronized void b() { }
        public void c() { synchronized (this) { n++; } }
        public void d() { synchronized (lock) { n++; } }
        public void e() { synchronized (STATIC_LOCK) { n++; } }
        public void f() { synchronized (Hostile.class) { n++; } }
        public void g() { Object o = new Object(); synchronized (o) { n++; } }
        public void h() { Object[] arr = {}; synchronized (Hostile[].class) { n += arr.length; } }
        public void i() throws InterruptedException {
          synchronized (lock) {
            while (n < 0) lock.wait();
            lock.notifyAll();
          }
        }
        public long j(long x, double y) {
          long[] a = {x};
          a[0] += (long) y;
          synchronized (this) { return a[0] + (x > 0 ? 1L : 2L); }
        }""");
    assertThat(v).isEmpty();
  }

  @Test
  void monitorOfAnotherDomainClassIsAccepted() {
    assertThat(BytecodeValidatorTest.validate(Map.of(
        "good.Locks", "package good; public class Locks { public static final Object L ="
            + " new Object(); }",
        "good.User", "package good; public class User { void f() { synchronized (Locks.L) { }"
            + " synchronized (Locks.class) { } } }"))).isEmpty();
  }

  @Test
  void hostVisibleClassesAreSharedButLibraryClassesAreTheDomains() throws Exception {
    var classes = InMemoryCompiler.compile(Map.of(
        "lib.Locks", "package lib; public class Locks { public static final Object L ="
            + " new Object(); }",
        "good.User", "package good; public class User { void f() { synchronized (lib.Locks.L)"
            + " { } synchronized (lib.Locks.class) { } } }"));
    BytecodeValidator validator = new BytecodeValidator(ConfinementPolicy.defaults());
    // lib.Locks as a granted library (or absent): loaded per domain, its monitors are the domain's
    assertThat(validator.validate("good.User", classes.get("good.User"),
        n -> n.equals("good.User"), n -> false)).isEmpty();
    // lib.Locks as a host class the domain sees: shared
    assertThat(validator.validate("good.User", classes.get("good.User"),
        n -> n.equals("good.User"), n -> n.equals("lib.Locks")))
        .extracting(Violation::toString).containsExactly(
            "good.User.f()V @ offset 5 (line 1): synchronizes on static field lib.Locks.L"
                + " (shared with the host) [shared-monitor]",
            "good.User.f()V @ offset 20 (line 1): synchronizes on the class object lib.Locks"
                + " (shared with the host) [shared-monitor]");
  }

  /** Documented gap: the validator cannot know where a parameter's object comes from. */
  @Test
  void sharedObjectPassedAsParameterIsNotCaught() {
    assertThat(check("", "public void run(Object hostLock) { synchronized (hostLock) { } }"))
        .isEmpty();
  }

  @Test
  void allowingTheCategoryLiftsIt() throws Exception {
    ClassSource s = InMemoryCompiler.source("t", Map.of("evil.Hostile",
        "package evil; public class Hostile { void f() { synchronized (\"x\") { } } }"));
    assertThat(new BytecodeValidator(ConfinementPolicy.defaults()
        .allowing(Category.SHARED_MONITORS)).validate(s, n -> false)).isEmpty();
    assertThat(new BytecodeValidator(ConfinementPolicy.defaults()).validate(s, n -> false))
        .extracting(Violation::category).containsExactly(Category.SHARED_MONITORS);
  }

  @Test
  void violationsStaySortedByMethodThenOffset() {
    List<String> v = check("", """
        public void a() { synchronized ("a") { System.exit(1); } }
        public void b() { System.exit(2); synchronized ("b") { } }""");
    assertThat(v).hasSize(4);
    assertThat(v.get(0)).startsWith("evil.Hostile.a()V").contains("\"a\"");
    assertThat(v.get(1)).startsWith("evil.Hostile.a()V").contains("exit");
    assertThat(v.get(2)).startsWith("evil.Hostile.b()V").contains("exit");
    assertThat(v.get(3)).startsWith("evil.Hostile.b()V").contains("\"b\"");
    assertThat(Set.copyOf(v)).hasSize(4);
  }
}
