package ownership;

import dev.custody.Linear;
import java.util.ArrayList;
import java.util.List;

@Linear
final class Buf {
  int size() { return 0; }
  Buf self() { return this; }
}

class MoveBasics {
  static void consume(Buf b) {}

  void passedThenUsed() {
    Buf b = new Buf();
    consume(b);
    b.size(); // error: [custody.ownership] use of moved value 'b' (moved at line 18)
  }

  void assignedThenUsed() {
    Buf a = new Buf();
    Buf c = a;
    a.size(); // error: use of moved value 'a' (moved at line 24)
    c.size();
  }

  Buf returnedIsFine() {
    Buf a = new Buf();
    a.size();
    return a;
  }

  void passedTwice() {
    Buf a = new Buf();
    consume(a);
    consume(a); // error: use of moved value 'a' (moved at line 37)
  }

  void intoList(List<Buf> list) {
    Buf a = new Buf();
    list.add(a);
    a.size(); // error: use of moved value 'a' (moved at line 43)
  }

  void intoObject() {
    Buf a = new Buf();
    Object o = a;
    a.size(); // error: use of moved value 'a' (moved at line 49)
  }

  void intoArray() {
    Buf a = new Buf();
    Buf[] arr = new Buf[1];
    arr[0] = a;
    a.size(); // error: use of moved value 'a' (moved at line 56)
    Buf b = new Buf();
    Buf[] arr2 = {b};
    b.size(); // error: use of moved value 'b' (moved at line 59)
  }

  Buf field;

  void intoField() {
    Buf a = new Buf();
    this.field = a;
    a.size(); // error: use of moved value 'a' (moved at line 67)
  }

  void varargs(Buf... bufs) {}

  void intoVarargs() {
    Buf a = new Buf();
    varargs(new Buf(), a);
    a.size(); // error: use of moved value 'a' (moved at line 75)
  }

  static final class Holder {
    Holder(Buf b) {}
  }

  void intoConstructor() {
    Buf a = new Buf();
    new Holder(a);
    a.size(); // error: use of moved value 'a' (moved at line 85)
  }

  void reassignRevives() {
    Buf a = new Buf();
    consume(a);
    a = new Buf();
    a.size();
  }

  void methodChainsBorrow() {
    Buf a = new Buf();
    a.self().self().size();
    a.size();
    System.out.println(a);
    String s = "buf " + a;
    if (a != null && a.equals(a)) {
      a.size();
    }
  }

  void conditionalExpression(boolean c) {
    Buf a = new Buf();
    Buf b = new Buf();
    Buf d = c ? a : b;
    a.size(); // error: use of moved value 'a' (moved at line 110)
    d.size();
  }
}
