package ownership;

import dev.custody.Linear;
import java.util.List;
import java.util.function.Supplier;

@Linear
final class Buf {
  int size() { return 0; }
}

class Captures {
  static void consume(Buf b) {}

  void lambdaCaptureMoves() {
    Buf b = new Buf();
    Runnable r = () -> b.size();
    b.size(); // error: use of moved value 'b' (moved at line 17)
    r.run();
  }

  void captureAfterMove() {
    Buf b = new Buf();
    consume(b);
    Runnable r = () -> b.size(); // error: use of moved value 'b' (moved at line 24)
  }

  void methodReferenceCaptures() {
    Buf b = new Buf();
    Supplier<Integer> s = b::size;
    b.size(); // error: use of moved value 'b' (moved at line 30)
  }

  void anonymousClassCaptures() {
    Buf b = new Buf();
    Runnable r = new Runnable() {
      @Override
      public void run() {
        b.size();
      }
    };
    b.size(); // error: use of moved value 'b' (moved at line 36)
  }

  void localClassCaptures() {
    Buf b = new Buf();
    class Local {
      int n() { return b.size(); }
    }
    b.size(); // error: use of moved value 'b' (moved at line 47)
  }

  void lambdaBodyIsChecked(List<Buf> sink) {
    Runnable r = () -> {
      Buf x = new Buf();
      sink.add(x);
      x.size(); // error: use of moved value 'x' (moved at line 56)
    };
  }

  void capturedValueMovedTwiceInsideLambda() {
    Buf b = new Buf();
    Runnable r = () -> {
      consume(b);
      consume(b); // error: use of moved value 'b' (moved at line 64)
    };
  }

  void lambdasWithOwnLocalsAreClean(List<String> names) {
    Buf b = new Buf();
    names.forEach(n -> {
      Buf local = new Buf();
      local.size();
      consume(local);
    });
    Supplier<Buf> fresh = () -> new Buf();
    Supplier<Buf> fresh2 = Buf::new;
    b.size();
    consume(b);
  }

  void lambdaParametersAreOwnedByTheLambda(List<Buf> bufs) {
    bufs.forEach(x -> {
      x.size();
      consume(x);
    });
  }

  static class Nested {
    Buf keep;

    void nestedClassMethodsAreChecked() {
      Buf b = new Buf();
      keep = b;
      b.size(); // error: use of moved value 'b' (moved at line 94)
    }

    class Inner {
      void innerIsChecked() {
        Buf b = new Buf();
        consume(b);
        consume(b); // error: use of moved value 'b' (moved at line 101)
      }
    }
  }

  {
    Buf b = new Buf();
    consume(b);
    b.size(); // error: use of moved value 'b' (moved at line 109)
  }

  Runnable fieldLambda = () -> {
    Buf b = new Buf();
    consume(b);
    b.size(); // error: use of moved value 'b' (moved at line 115)
  };
}
