package dev.custody.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.custody.domains.fixtures.Calculator;
import dev.custody.domains.fixtures.CalculatorProxy;
import dev.custody.domains.fixtures.TestCalculator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recovery re-populates existing slots, including with objects of freshly loaded classes. */
class RecoveryRebindTest {
  /** Loads one class afresh (child-first), as a confined domain's new class loader would. */
  static final class FreshLoader extends ClassLoader {
    private final String name;

    FreshLoader(String name) {
      super(RecoveryRebindTest.class.getClassLoader());
      this.name = name;
    }

    @Override
    protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
      if (!n.equals(name)) {
        return super.loadClass(n, resolve);
      }
      synchronized (getClassLoadingLock(n)) {
        Class<?> c = findLoadedClass(n);
        if (c == null) {
          try (InputStream in = getParent().getResourceAsStream(n.replace('.', '/') + ".class")) {
            byte[] b = in.readAllBytes();
            c = defineClass(n, b, 0, b.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(n, e);
          }
        }
        return c;
      }
    }
  }

  @Test
  void recoveryCanRebuildTargetsFromAFreshClassLoader() throws Exception {
    List<ClassLoader> loaders = new ArrayList<>();
    Map<RRef<?>, String> classOf = new HashMap<>();
    Domain d = Domain.builder("confined-like")
        .recovery(ctx -> {
          ClassLoader fresh = new FreshLoader(TestCalculator.class.getName());
          loaders.add(fresh);
          for (RRef<?> r : ctx.pendingRefs()) {
            Object o = fresh.loadClass(classOf.get(r)).getConstructor().newInstance();
            @SuppressWarnings("unchecked")
            RRef<Calculator> c = (RRef<Calculator>) r;
            ctx.rebind(c, (Calculator) o);
          }
        })
        .build();
    RRef<Calculator> ref = d.execute(() -> RRef.of(Calculator.class, new TestCalculator()));
    classOf.put(ref, TestCalculator.class.getName());
    Calculator calc = new CalculatorProxy(ref);

    for (int i = 1; i <= 2; i++) {
      catchThrowableOfType(DomainFailedException.class, () -> calc.fail("runtime"));
      assertThat(calc.add(20, 22)).isEqualTo(42);
      assertThat(loaders).hasSize(i);
    }
    assertThat(loaders.get(0)).isNotSameAs(loaders.get(1));
  }

  @Test
  void rebindChecksDomainAndType() throws Exception {
    Domain other = Domain.create("other");
    RRef<Calculator> foreign = other.execute(() -> RRef.<Calculator>of(new TestCalculator()));
    List<Throwable> problems = new ArrayList<>();
    Domain d = Domain.builder("checked-rebind")
        .recovery(ctx -> {
          try {
            ctx.rebind(foreign, new TestCalculator());
          } catch (IllegalArgumentException e) {
            problems.add(e);
          }
          @SuppressWarnings({"unchecked", "rawtypes"})
          RRef<Object> typed = (RRef) ctx.pendingRefs().get(0);
          try {
            ctx.rebind(typed, "not a calculator");
          } catch (IllegalArgumentException e) {
            problems.add(e);
          }
          @SuppressWarnings("unchecked")
          RRef<Calculator> ok = (RRef<Calculator>) ctx.pendingRefs().get(0);
          ctx.rebind(ok, new TestCalculator());
        })
        .build();
    Calculator calc = new CalculatorProxy(d.execute(() -> RRef.of(Calculator.class, new TestCalculator())));
    catchThrowableOfType(DomainFailedException.class, () -> calc.fail("runtime"));
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).hasMessageContaining("does not belong to domain 'checked-rebind'");
    assertThat(problems.get(1)).hasMessageContaining("java.lang.String is not a " + Calculator.class.getName());
    assertThat(calc.add(1, 1)).isEqualTo(2);
  }

  @Test
  void callIntoTheHostThatFailsIsReportedButTheHostIsNeverCleared() throws Exception {
    RRef<Calculator> hostRef = RRef.<Calculator>of(new TestCalculator());
    assertThat(hostRef.domain()).isSameAs(Domain.host());
    Calculator calc = new CalculatorProxy(hostRef);
    Domain d = Domain.create("client");
    DomainFailedException seenByClient = d.execute(() -> {
      try {
        calc.fail("runtime");
        return null;
      } catch (DomainFailedException expected) {
        return expected;
      }
    });
    assertThat(seenByClient).isNotNull();
    assertThat(seenByClient.domain()).isSameAs(Domain.host());
    assertThat(seenByClient.recovered()).isFalse();
    assertThat(d.failureCount()).isZero();
    assertThatThrownBy(() -> calc.fail("error")).isInstanceOf(DomainFailedException.class);
    assertThat(Domain.host().state()).isEqualTo(Domain.State.RUNNING);
    assertThat(calc.add(1, 2)).isEqualTo(3);
    assertThat(calc.whereAmI()).isEqualTo("host");
    hostRef.revoke();
  }
}
