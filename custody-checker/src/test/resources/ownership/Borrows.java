package ownership;

import dev.custody.Borrowed;
import dev.custody.Linear;
import java.util.List;
import java.util.function.Supplier;

@Linear
final class Buf {
  int size() { return 0; }
}

class Borrows {
  static void consume(Buf b) {}
  static int inspect(@Borrowed Buf b) { return b.size(); }
  static int inspectAll(@Borrowed Buf... bs) { return bs.length; }

  Buf stash;
  Object anything;
  String name;

  void borrowingKeepsTheValue() {
    Buf b = new Buf();
    inspect(b);
    inspect(b);
    inspectAll(b, b);
    b.size();
    consume(b);
  }

  int borrowedParamCanBeReadAndLent(@Borrowed Buf b) {
    int n = b.size();
    n += inspect(b);
    System.out.println(b);
    return n;
  }

  void borrowedCannotBeMoved(@Borrowed Buf b) {
    consume(b); // error: borrowed parameter 'b' cannot be moved, stored or returned (passed to 'consume')
  }

  void borrowedCannotBeStored(@Borrowed Buf b, Buf[] arr) {
    this.stash = b; // error: borrowed parameter 'b' cannot be moved, stored or returned (stored in field 'stash')
    arr[0] = b; // error: borrowed parameter 'b' cannot be moved, stored or returned (stored in an array)
    Buf alias = b; // error: borrowed parameter 'b' cannot be moved, stored or returned (assigned to 'alias')
  }

  Buf borrowedCannotBeReturned(@Borrowed Buf b) {
    return b; // error: borrowed parameter 'b' cannot be moved, stored or returned (returned)
  }

  void borrowedCannotBeCaptured(@Borrowed Buf b, List<Supplier<Integer>> out) {
    out.add(() -> b.size()); // error: borrowed parameter 'b' cannot be moved, stored or returned (captured by a lambda)
  }

  void borrowedCannotGoIntoAList(@Borrowed Buf b, List<Object> out) {
    out.add(b); // error: borrowed parameter 'b' cannot be moved, stored or returned (passed to 'add')
  }

  Object borrowedNonLinearCannotEscape(@Borrowed StringBuilder sb) {
    sb.append("x");
    this.anything = sb; // error: borrowed parameter 'sb' cannot be moved, stored or returned (stored in field 'anything')
    return sb; // error: borrowed parameter 'sb' cannot be moved, stored or returned (returned)
  }

  void borrowedNonLinearMayBePassed(@Borrowed StringBuilder sb) {
    String s = String.valueOf(sb);
    Runnable r = () -> sb.append(s);
    List.of(sb);
  }

  void ownedParameterMoves(Buf b) {
    consume(b);
    b.size(); // error: use of moved value 'b' (moved at line 73)
  }
}
