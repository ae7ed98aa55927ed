package ownership;

import dev.custody.Borrowed;
import dev.custody.Linear;
import dev.custody.Owned;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

@Linear
final class Buf {
  private int n;
  int size() { return n; }
  Buf grow() { n++; return this; }
  void close() {}
}

/** Idiomatic code that must compile without a single ownership error (false-alarm suite). */
class CleanCases {
  static void consume(Buf b) {}
  static int peek(@Borrowed Buf b) { return b.size(); }

  void moveInOneBranchThenReassign(boolean c) {
    Buf b = new Buf();
    if (c) {
      consume(b);
      b = new Buf();
    }
    consume(b);
  }

  void moveInEveryBranchThenNothing(int k) {
    Buf b = new Buf();
    switch (k) {
      case 0 -> consume(b);
      case 1 -> {
        b.size();
        consume(b);
      }
      default -> consume(b);
    }
  }

  int borrowsInLoops(List<Integer> xs) {
    Buf b = new Buf();
    int total = 0;
    for (int x : xs) {
      total += b.size() + peek(b) + x;
      b.grow().grow();
    }
    while (total < 0) {
      total += peek(b);
    }
    consume(b);
    return total;
  }

  void freshValueEachIteration(int n, List<Buf> out) {
    for (int i = 0; i < n; i++) {
      Buf b = new Buf();
      b.grow();
      out.add(b);
    }
  }

  void tryFinallyBorrow() {
    Buf b = new Buf();
    try {
      b.grow();
    } finally {
      b.close();
    }
  }

  Buf tryCatchMoveOnlyOnSuccess() {
    Buf b = new Buf();
    try {
      b.grow();
    } catch (RuntimeException e) {
      b.close();
      throw e;
    }
    return b;
  }

  int lambdasOwnTheirValues(List<String> names) {
    Function<String, Buf> make = s -> new Buf().grow();
    Buf b = make.apply("x");
    names.forEach(n -> consume(make.apply(n)));
    Optional<Buf> o = Optional.of(new Buf());
    return o.map(x -> x.size()).orElse(0) + b.size();
  }

  static class Nested {
    private final List<Buf> pool = new ArrayList<>();

    void give(Buf b) {
      pool.add(b);
    }

    class Inner {
      void ok() {
        Buf b = new Buf();
        b.grow();
        give(b);
      }
    }
  }

  void anonymousClassWithItsOwnValues() {
    Runnable r = new Runnable() {
      @Override
      public void run() {
        Buf b = new Buf();
        consume(b);
      }
    };
    r.run();
  }

  Owned<String> ownedMoveAndTakeResults() {
    Owned<String> a = Owned.of("x");
    Owned<String> b = a.move();
    String s = b.get() + b.isLive();
    Owned<String> c = b.move();
    String t = c.take();
    return Owned.of(s + t);
  }

  void methodChains() {
    Buf b = new Buf();
    int n = b.grow().grow().size();
    String s = "size " + b.size() + " " + b;
    System.out.println(s + n);
    System.out.printf("%s%n", b);
    consume(b);
  }

  void conditionalWithReassignment(boolean c) {
    Buf a = new Buf();
    Buf b = c ? a : new Buf();
    a = new Buf();
    a.size();
    b.size();
  }

  void loopWithMoveAndReassign(int n) {
    Buf b = new Buf();
    for (int i = 0; i < n; i++) {
      if (i % 2 == 0) {
        consume(b);
        b = new Buf();
        continue;
      }
      b.grow();
    }
    consume(b);
  }

  void equalityAndNullChecks(Buf other) {
    Buf b = new Buf();
    if (b != other && !b.equals(other) && b.hashCode() != 0) {
      consume(b);
    } else {
      b.close();
    }
    consume(other);
  }

  private Buf kept;

  CleanCases(Buf initial) {
    java.util.Objects.requireNonNull(initial, "initial");
    this.kept = initial;
  }

  CleanCases() {
    this(new Buf());
  }
}
