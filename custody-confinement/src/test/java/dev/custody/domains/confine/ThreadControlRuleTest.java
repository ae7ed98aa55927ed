package dev.custody.domains.confine;

import static dev.custody.domains.confine.BytecodeValidatorTest.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Domain code runs on host threads: it may not change them, nor reach the host's threads. */
class ThreadControlRuleTest {

  static Stream<Arguments> mutators() {
    return Stream.of(
        Arguments.of("Thread.currentThread().setName(\"pwned\");",
            "calls java.lang.Thread.setName(Ljava/lang/String;)V [thread-control]"),
        Arguments.of("Thread.currentThread().setPriority(Thread.MAX_PRIORITY);",
            "calls java.lang.Thread.setPriority(I)V [thread-control]"),
        Arguments.of("Thread.currentThread().setDaemon(true);",
            "calls java.lang.Thread.setDaemon(Z)V [thread-control]"),
        Arguments.of("Thread.currentThread().setUncaughtExceptionHandler((t, e) -> { });",
            "calls java.lang.Thread.setUncaughtExceptionHandler(Ljava/lang/Thread$"
                + "UncaughtExceptionHandler;)V [thread-control]"),
        Arguments.of("Thread.setDefaultUncaughtExceptionHandler(null);",
            "calls java.lang.Thread.setDefaultUncaughtExceptionHandler(Ljava/lang/Thread$"
                + "UncaughtExceptionHandler;)V [thread-control]"),
        Arguments.of("Thread.getAllStackTraces();",
            "calls java.lang.Thread.getAllStackTraces()Ljava/util/Map; [thread-control]"),
        Arguments.of("Thread.enumerate(new Thread[8]);",
            "calls java.lang.Thread.enumerate([Ljava/lang/Thread;)I [thread-control]"),
        Arguments.of("Thread.currentThread().getThreadGroup();",
            "calls java.lang.Thread.getThreadGroup()Ljava/lang/ThreadGroup; [thread-control]"),
        Arguments.of("Thread.currentThread().getThreadGroup().interrupt();",
            "calls java.lang.ThreadGroup.interrupt()V [thread-control]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutators")
  void hostVisibleThreadMutatorsAreRefused(String statement, String expected) {
    List<String> v = check("", "public void run() { " + statement + " }");
    assertThat(v).anySatisfy(s -> assertThat(s)
        .matches("evil\\.Hostile\\.run\\(\\)V @ offset \\d+ \\(line 4\\): .*")
        .endsWith(expected));
  }

  @Test
  void interruptingAThreadSavedByAnEarlierCallIsRefused() {
    List<String> v = check("", """
        static Thread caller;
        public void first() { caller = Thread.currentThread(); }
        public void later() {
          caller.interrupt();
        }""");
    // getstatic caller (0), invokevirtual interrupt (3)
    assertThat(v).containsExactly("evil.Hostile.later()V @ offset 3 (line 7): calls"
        + " java.lang.Thread.interrupt()V on a thread that may not be Thread.currentThread()"
        + " [thread-control]");
  }

  @Test
  void interruptingAParameterOrAMaybeOtherThreadIsRefused() {
    List<String> v = check("", """
        static Thread saved;
        public void a(Thread t) { t.interrupt(); }
        public void b(boolean f) {
          Thread t = f ? Thread.currentThread() : saved;
          t.interrupt();
        }""");
    assertThat(v).hasSize(2)
        .anySatisfy(s -> assertThat(s).startsWith("evil.Hostile.a(Ljava/lang/Thread;)V @ offset 1"
            + " (line 5): calls java.lang.Thread.interrupt()V on a thread that may not be"))
        .anySatisfy(s -> assertThat(s).startsWith("evil.Hostile.b(Z)V @ offset")
            .contains("(line 8)").endsWith("[thread-control]"));
  }

  @Test
  void methodReferenceToInterruptIsRefused() {
    List<String> v = check("import java.util.function.*;",
        "public Consumer<Thread> run() { return Thread::interrupt; }");
    assertThat(v).singleElement().asString()
        .endsWith("method handle to java.lang.Thread.interrupt()V [thread-control]");
  }

  @Test
  void reInterruptingTheCurrentThreadAndHarmlessReadsAreAccepted() {
    List<String> v = check("", """
        static final ThreadLocal<String> TL = ThreadLocal.withInitial(() -> "x");
        public String run(Object lock) {
          try {
            synchronized (lock) { lock.wait(1); }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          Thread me = Thread.currentThread();
          for (int i = 0; i < 3; i++) {
            if (me.isInterrupted()) {
              me.interrupt();
            }
          }
          boolean was = Thread.interrupted();
          Runnable r = () -> Thread.currentThread().interrupt();
          r.run();
          return me.getName() + me.getPriority() + me.isDaemon() + me.threadId() + was
              + TL.get() + Runtime.getRuntime().availableProcessors()
              + Thread.currentThread().getStackTrace().length;
        }""");
    assertThat(v).isEmpty();
  }

  @Test
  void liftingThreadControlAllowsAnyInterrupt() throws Exception {
    ClassSource s = InMemoryCompiler.source("t", Map.of("evil.Hostile",
        "package evil; public class Hostile { void f(Thread t) { t.interrupt(); } }"));
    assertThat(new BytecodeValidator(ConfinementPolicy.defaults()
        .allowing(Category.THREAD_CONTROL)).validate(s, n -> false)).isEmpty();
  }
}
