package ifc;

import dev.custody.ifc.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lambdas and method references passed to a call: their parameters get what the callee may feed
 * them (receiver and arguments), their bodies run under that, and their results flow out.
 */
class LambdaFlows {
  static void log(String s) {
    System.out.println(s);
  }

  void forEachSecret(@Label("secret") List<String> keys) {
    keys.forEach(k -> System.out.println(k)); // error: [custody.ifc] secret value reaches public channel PrintStream.println; source: parameter 'keys'
  }

  void forEachPublic(List<String> names) {
    names.forEach(n -> System.out.println(n));
  }

  void streamChain(@Label("secret") List<String> keys) {
    keys.stream().map(k -> k.length()).forEach(n -> System.out.println(n)); // error: secret value reaches public channel PrintStream.println; source: parameter 'keys'
  }

  void streamChainPublic(List<String> names) {
    names.stream().map(k -> k.length()).forEach(n -> System.out.println(n));
  }

  void methodReferenceSink(@Label("secret") List<String> keys) {
    keys.stream().map(String::trim).forEach(System.out::println); // error: secret value reaches public channel PrintStream.println; source: parameter 'keys'
  }

  void methodReferencePublic(List<String> names) {
    names.stream().map(String::trim).forEach(System.out::println);
  }

  void mapForEach(@Label("secret") Map<String, String> vault) {
    vault.forEach((k, v) -> log(v)); // error: secret value reaches public channel PrintStream.println in LambdaFlows.log
  }

  void mapForEachPublic(Map<String, String> settings) {
    settings.forEach((k, v) -> log(v));
  }

  void compiledMethodReference(@Label("secret") List<String> keys) {
    keys.forEach(LambdaFlows::log); // error: secret value reaches public channel PrintStream.println in LambdaFlows.log
  }

  void compiledMethodReferencePublic(List<String> names) {
    names.forEach(LambdaFlows::log);
  }

  void resultFlowsOut(@Label("secret") List<String> keys) {
    String s = keys.stream().map(k -> k).findFirst().get();
    System.out.println(s); // error: secret value reaches public channel PrintStream.println; source: parameter 'keys'
  }

  void resultFlowsOutPublic(List<String> names) {
    String s = names.stream().map(k -> k).findFirst().get();
    System.out.println(s);
  }

  void capturedSecretReturned(@Label("secret") int secret) {
    int shown = Optional.of(1).map(x -> secret).get();
    System.out.println(shown); // error: secret value reaches public channel PrintStream.println; source: parameter 'secret'
  }

  void capturedPublicReturned(@Label("secret") int secret, int count) {
    int shown = Optional.of(1).map(x -> count).get();
    System.out.println(shown);
  }

  void bodyRunsUnderTheData(@Label("secret") Optional<String> maybe) {
    maybe.ifPresent(x -> System.out.println("present")); // error: secret value reaches public channel PrintStream.println; source: parameter 'maybe'
  }

  void bodyOverPublicData(Optional<String> maybe) {
    maybe.ifPresent(x -> System.out.println("present"));
  }

  void nestedLambdaSeesOuterParameter(@Label("secret") List<String> keys, List<String> names) {
    names.forEach(n -> keys.forEach(k -> names.forEach(m -> log(k)))); // error: secret value reaches public channel PrintStream.println in LambdaFlows.log
  }

  void writesIntoPublicList(@Label("secret") List<String> keys) {
    List<String> copy = new ArrayList<>();
    keys.forEach(k -> copy.add(k)); // error: secret value written into public object 'copy' (List.add)
    keys.forEach(copy::add); // error: secret value written into public object 'copy' (List.add)
  }

  void copiesIntoSecretList(@Label("secret") List<String> keys) {
    @Label("secret") List<String> copy = new ArrayList<>();
    keys.forEach(k -> copy.add(k));
    keys.forEach(copy::add);
  }

  void declaredLambdaParameter(@Label("secret") List<String> keys) {
    keys.forEach((@Label("public") String k) -> {}); // error: secret value passed to public parameter 'k'
  }

  void foldFeedsItsOwnResult(@Label("secret") int secret, List<Integer> xs) {
    xs.stream().reduce(0, (a, b) -> {
      System.out.println(a); // error: secret value reaches public channel PrintStream.println; source: parameter 'secret'
      return a + secret;
    });
  }

  static void each(List<String> xs, java.util.function.Consumer<String> c) {
    xs.forEach(c);
  }

  void lambdaPassedToCompiledCode(@Label("secret") List<String> keys) {
    each(keys, k -> System.out.println(k)); // error: secret value reaches public channel PrintStream.println; source: parameter 'keys'
  }

  void lambdaPassedToCompiledCodeOverPublic(List<String> names) {
    each(names, k -> System.out.println(k));
  }

  private int total;

  void record(String s) {
    total = s.length();
  }

  void boundCompiledReference(@Label("secret") List<String> keys) {
    keys.forEach(this::record); // error: secret value written into public field 'LambdaFlows.total' in LambdaFlows.record
  }

  void constructorReference(@Label("secret") List<String> keys, List<String> names) {
    keys.stream().map(StringBuilder::new).forEach(System.out::println); // error: secret value reaches public channel PrintStream.println
    names.stream().map(StringBuilder::new).forEach(System.out::println);
  }

  void lambdaHeldByALocal(@Label("secret") List<String> keys) {
    java.util.function.Consumer<String> printer = k -> System.out.println(k); // error: secret value reaches public channel PrintStream.println; source: parameter 'keys'
    keys.forEach(printer);
  }

  void methodReferenceHeldByALocal(@Label("secret") List<String> keys) {
    java.util.function.Consumer<String> printer = System.out::println;
    keys.forEach(printer); // error: secret value reaches public channel PrintStream.println; source: parameter 'keys'
  }

  void localFunctionCalledDirectly(@Label("secret") String key) {
    java.util.function.Consumer<String> sink = s -> log(s); // error: secret value reaches public channel PrintStream.println in LambdaFlows.log
    sink.accept(key);
  }

  void localFunctionsOverPublic(List<String> names, String name) {
    java.util.function.Consumer<String> printer = k -> System.out.println(k);
    names.forEach(printer);
    printer.accept(name);
    java.util.function.Consumer<String> ref = System.out::println;
    names.forEach(ref);
  }

  void callUnderSecretBranch(@Label("secret") boolean flag, List<String> names) {
    if (flag) {
      names.forEach(n -> System.out.println(n)); // error: secret value reaches public channel PrintStream.println; source: parameter 'flag'
    }
  }

  @Label("secret")
  static String vault = "v";

  static void withVault(java.util.function.Consumer<String> c) {
    c.accept(vault); // error: secret value reaches public channel PrintStream.println; source: field 'LambdaFlows.vault'
  }

  static void withGreeting(java.util.function.Consumer<String> c) {
    c.accept("hello");
  }

  static void eachLater(List<String> xs, java.util.function.Consumer<String> c) {
    java.util.function.Consumer<String> same = c;
    xs.forEach(same);
  }

  void calleeFeedsItsOwnSecret() {
    withVault(v -> System.out.println(v)); // error: secret value reaches public channel PrintStream.println; source: field 'LambdaFlows.vault'
    withVault(System.out::println); // reported where withVault calls it
  }

  void calleeFeedsPublicData(@Label("secret") List<String> keys) {
    withGreeting(v -> System.out.println(v));
    java.util.function.Consumer<String> printer = k -> System.out.println(k); // error: secret value reaches public channel PrintStream.println; source: parameter 'keys'
    eachLater(keys, printer);
  }

  // ---- forms that must be analysed without false alarms (each body holds a label) ----------

  enum Mode {
    FAST(() -> 1),
    SLOW(() -> 2) {
      @Override
      int cost() {
        return java.util.stream.IntStream.range(0, 3).map(i -> i * 2).sum();
      }
    };

    private final java.util.function.IntSupplier base;

    Mode(java.util.function.IntSupplier base) {
      this.base = base;
    }

    int cost() {
      return base.getAsInt();
    }
  }

  interface Named {
    java.util.function.Function<String, String> UPPER = s -> s.toUpperCase();

    String name();
  }

  @Override
  public String toString() {
    return "LambdaFlows";
  }

  void unusualReferences(@Label("secret") List<String> keys, List<String> names) {
    String[] arr = names.stream().toArray(String[]::new);
    int[][] grid = java.util.stream.IntStream.range(0, 2).mapToObj(int[]::new).toArray(int[][]::new);
    java.util.function.Supplier<String> self = super::toString;
    java.util.function.Predicate<Object> same = this::equals;
    java.util.function.Function<String[], Object> copy = String[]::clone;
    Runnable anonymous = new Runnable() {
      final int seen = names.size();

      @Override
      public void run() {
        names.forEach(n -> System.out.println(n + seen));
      }
    };
    anonymous.run();
    System.out.println(arr.length + grid.length + self.get() + same.test(names) + copy.apply(arr));
    System.out.println(names.stream().map(Named.UPPER).count() + Mode.SLOW.cost());
    @Label("secret") int total = keys.stream().mapToInt(String::length).sum();
    java.util.Collections.sort(names, String::compareTo);
  }
}
