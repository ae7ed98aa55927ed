package ownership;

import dev.custody.Linear;

@Linear
final class Buf {
  int size() { return 0; }
}

class ControlFlow {
  static void consume(Buf b) {}
  static boolean flag() { return true; }

  void moveInOneBranch(boolean c) {
    Buf b = new Buf();
    if (c) {
      consume(b);
    }
    b.size(); // error: use of moved value 'b' (moved at line 17)
  }

  void moveInOneBranchThenReassign(boolean c) {
    Buf b = new Buf();
    if (c) {
      consume(b);
      b = new Buf();
    }
    b.size();
  }

  void moveInBothBranchesThenReassign(boolean c) {
    Buf b = new Buf();
    if (c) {
      consume(b);
    } else {
      Buf other = b;
      other.size();
    }
    b = new Buf();
    b.size();
  }

  void moveInTwoBranches(boolean c) {
    Buf b = new Buf();
    if (c) {
      consume(b);
    } else {
      consume(b);
    }
    b.size(); // error: use of moved value 'b' (moved at lines 46, 48)
  }

  void moveInLoop() {
    Buf b = new Buf();
    for (int i = 0; i < 3; i++) {
      consume(b); // error: use of moved value 'b' (moved at line 56)
    }
  }

  void moveInWhileThenBreak() {
    Buf b = new Buf();
    while (flag()) {
      consume(b);
      break;
    }
    b.size(); // error: use of moved value 'b' (moved at line 63)
  }

  void moveInLoopWithReassignIsFine() {
    Buf b = new Buf();
    for (int i = 0; i < 3; i++) {
      consume(b);
      b = new Buf();
    }
    b.size();
  }

  void borrowsInLoops() {
    Buf b = new Buf();
    int total = 0;
    for (int i = 0; i < 3; i++) {
      total += b.size();
    }
    do {
      total += b.size();
    } while (flag());
    b.size();
  }

  void continueSkipsReassignment() {
    Buf b = new Buf();
    for (int i = 0; i < 3; i++) {
      consume(b); // error: use of moved value 'b' (moved at line 93)
      if (i == 0) {
        continue;
      }
      b = new Buf();
    }
  }

  void fineWithEarlyReturn(boolean c) {
    Buf b = new Buf();
    if (c) {
      consume(b);
      return;
    }
    b.size();
  }

  void tryFinallyClean() {
    Buf b = new Buf();
    try {
      b.size();
    } finally {
      b.size();
    }
    consume(b);
  }

  void tryFinallyMoveInTry() {
    Buf b = new Buf();
    try {
      consume(b);
    } finally {
      b.size(); // error: use of moved value 'b' (moved at line 123)
    }
  }

  void moveThenCatch() {
    Buf b = new Buf();
    try {
      consume(b);
      flag();
    } catch (RuntimeException e) {
      b.size(); // error: use of moved value 'b' (moved at line 132)
    }
  }

  void catchWithoutMoveIsClean() {
    Buf b = new Buf();
    try {
      flag();
    } catch (RuntimeException e) {
      b.size();
    }
    consume(b);
  }

  void exceptionAfterMovingCall() {
    Buf b = new Buf();
    try {
      consume(b);
    } catch (RuntimeException e) {
      consume(b); // error: use of moved value 'b' (moved at line 152)
    }
  }

  void switchArrow(int k) {
    Buf b = new Buf();
    switch (k) {
      case 1 -> consume(b);
      case 2 -> b.size();
      default -> { }
    }
    b.size(); // error: use of moved value 'b' (moved at line 161)
  }

  void switchClean(int k) {
    Buf b = new Buf();
    switch (k) {
      case 1 -> b.size();
      default -> b.size();
    }
    switch (k) {
      case 1:
        b.size();
        break;
      default:
        b.size();
    }
    consume(b);
  }

  void switchColonFallThrough(int k) {
    Buf b = new Buf();
    switch (k) {
      case 1:
        consume(b);
      case 2:
        b.size(); // error: use of moved value 'b' (moved at line 188)
        break;
      default:
    }
  }

  Buf switchExpression(int k) {
    Buf a = new Buf();
    Buf b = new Buf();
    Buf r = switch (k) {
      case 1 -> a;
      default -> {
        yield b;
      }
    };
    a.size(); // error: use of moved value 'a' (moved at line 200)
    b.size(); // error: use of moved value 'b' (moved at line 202)
    return r;
  }

  void patternSwitch(Object o) {
    Buf outer = new Buf();
    switch (o) {
      case Buf p when p.size() > 0 -> consume(p);
      case Buf p -> p.size();
      default -> consume(outer);
    }
    outer.size(); // error: use of moved value 'outer' (moved at line 215)
  }

  void patternInLoopIsFresh(Object[] objs) {
    for (Object o : objs) {
      if (o instanceof Buf p) {
        consume(p);
      }
    }
  }

  void forEachVariableIsFresh(Buf[] bufs) {
    for (Buf b : bufs) {
      consume(b);
    }
  }

  void conditionalAnd(boolean c) {
    Buf b = new Buf();
    boolean ok = c && take(b);
    b.size(); // error: use of moved value 'b' (moved at line 236)
  }

  static boolean take(Buf b) { return true; }

  void labeledBreak() {
    Buf b = new Buf();
    outer:
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        consume(b);
        break outer;
      }
    }
    b.size(); // error: use of moved value 'b' (moved at line 247)
  }

  Buf returnThenFinally() {
    Buf b = new Buf();
    try {
      return b;
    } finally {
      b.size(); // error: use of moved value 'b' (moved at line 257)
    }
  }
}
