package ownership;

import dev.custody.Linear;
import dev.custody.Owned;

@Linear
final class Buf {
  int size() { return 0; }
}

@Linear
final class Packet {
  private Buf buf = new Buf();
  private Owned<Buf> owned = Owned.of(new Buf());
  private int len;

  Buf leakField() {
    return this.buf; // error: cannot move out of field 'buf' of linear Packet (returned)
  }

  Buf leakBareField() {
    return buf; // error: cannot move out of field 'buf' of linear Packet (returned)
  }

  void copyField() {
    Buf x = this.buf; // error: cannot move out of field 'buf' of linear Packet (assigned to 'x')
    x.size();
  }

  void passField(Packet other) {
    Ops.consume(other.buf); // error: cannot move out of field 'buf' of linear Packet (passed to 'consume')
  }

  Owned<Buf> takeIsExplicit() {
    Buf b = owned.take();
    owned = Owned.of(new Buf());
    return Owned.of(b);
  }

  Owned<Buf> moveIsExplicit() {
    return owned.move();
  }

  Buf swap(Buf replacement) {
    Buf old = Ops.swap(this, replacement);
    return old;
  }

  int borrowFieldIsFine() {
    Ops.inspect(buf);
    return buf.size() + len;
  }

  void storeIntoFieldIsFine(Buf fresh) {
    this.buf = fresh;
  }
}

class Ops {
  static void consume(Buf b) {}
  static int inspect(@dev.custody.Borrowed Buf b) { return 0; }
  static Buf swap(Packet p, Buf replacement) { return null; }
}

class NotLinear {
  private Buf buf = new Buf();

  Buf fieldsOfOrdinaryClassesAreNotOwnedByTheRule() {
    return buf;
  }
}
