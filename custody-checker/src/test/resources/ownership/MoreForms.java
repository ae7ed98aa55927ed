package ownership;

import dev.custody.Linear;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

@Linear
record Token(int id) {}

@Linear
final class Pool implements Iterable<Integer>, AutoCloseable {
  public Iterator<Integer> iterator() { return List.of(1).iterator(); }
  public void close() {}
}

class MoreForms {
  static void consume(Token t) {}
  static void consumePool(Pool p) {}

  void recordIsLinear() {
    Token t = new Token(1);
    consume(t);
    t.id(); // error: use of moved value 't' (moved at line 23)
  }

  void conditionalArgument(boolean c) {
    Token a = new Token(1);
    Token b = new Token(2);
    consume(c ? a : b);
    b.id(); // error: use of moved value 'b' (moved at line 30)
  }

  void parenthesesAndCasts() {
    Token a = new Token(1);
    Object o = ((Object) (a));
    a.id(); // error: use of moved value 'a' (moved at line 36)
  }

  void borrowingForms() {
    Pool p = new Pool();
    for (int i : p) {
      p.iterator();
    }
    synchronized (p) {
      p.iterator();
    }
    assert p != null;
    if (p instanceof Pool q) {
      q.iterator();
    }
    consumePool(p);
  }

  void tryWithResources() {
    try (Pool p = new Pool()) {
      p.iterator();
    }
    try (Pool p = new Pool()) {
      consumePool(p);
      p.iterator(); // error: use of moved value 'p' (moved at line 60)
    }
  }

  void nestedLambdas() {
    Token t = new Token(1);
    Supplier<Runnable> s = () -> () -> t.id();
    t.id(); // error: use of moved value 't' (moved at line 67)
  }

  static Token make() {
    Token t;
    t = new Token(3);
    return t;
  }

  static {
    Token t = new Token(1);
    consume(t);
    consume(t); // error: use of moved value 't' (moved at line 79)
  }

  void doWhileMove() {
    Token t = new Token(1);
    do {
      consume(t); // error: use of moved value 't' (moved at line 86)
    } while (System.nanoTime() < 0);
  }
}
