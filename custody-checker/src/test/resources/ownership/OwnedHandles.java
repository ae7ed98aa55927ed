package ownership;

import dev.custody.Linear;
import dev.custody.Owned;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Linear
interface Resource {
  int size();
}

final class FileResource implements Resource {
  public int size() { return 1; }
}

class Box<T> {
  private T value;
  void put(T v) { value = v; }
  T get() { return value; }
}

class OwnedHandles {
  static void send(Owned<String> o) {}

  void ownedMoves() {
    Owned<String> o = Owned.of("x");
    send(o);
    o.get(); // error: use of moved value 'o' (moved at line 29)
  }

  void ownedMoveKillsTheHandle() {
    Owned<String> o = Owned.of("x");
    Owned<String> p = o.move();
    p.get();
    o.get(); // error: use of moved value 'o' (moved at line 35)
  }

  void ownedTakeKillsTheHandle() {
    Owned<String> o = Owned.of("x");
    String s = o.take();
    o.isLive(); // error: use of moved value 'o' (moved at line 42)
  }

  void resultsOfMoveAndTakeAreFresh() {
    Owned<String> o = Owned.of("x");
    Owned<String> p = o.move();
    Owned<String> q = p.move();
    q.get();
    send(q);
  }

  void borrowsOfOwned() {
    Owned<List<String>> o = Owned.of(new ArrayList<>());
    o.get().add("a");
    int n = o.get().size();
    if (o.isLive()) {
      send(Owned.of(o.toString()));
    }
    o.get();
  }

  void subclassOfLinearInterfaceIsLinear(List<Resource> sink) {
    FileResource f = new FileResource();
    sink.add(f);
    f.size(); // error: use of moved value 'f' (moved at line 66)
  }

  void userGenericsMove(Box<FileResource> box) {
    FileResource f = new FileResource();
    box.put(f);
    f.size(); // error: use of moved value 'f' (moved at line 72)
    FileResource g = box.get();
    g.size();
  }

  <T extends Resource> void typeVariableBoundedByLinear(T t, List<T> sink) {
    sink.add(t);
    t.size(); // error: use of moved value 't' (moved at line 79)
  }

  <T> void unboundedTypeVariableIsNotTracked(T t, List<T> sink) {
    sink.add(t);
    t.hashCode();
  }

  void mapPutMoves(Map<String, Owned<String>> m) {
    Owned<String> o = Owned.of("v");
    m.put("k", o);
    m.put("k2", o); // error: use of moved value 'o' (moved at line 90)
  }

  void requireNonNullMoves(List<Owned<String>> out) {
    Owned<String> o = Owned.of("v");
    Owned<String> same = java.util.Objects.requireNonNull(o);
    o.get(); // error: use of moved value 'o' (moved at line 96)
    out.add(same);
  }

  @SuppressWarnings("custody.ownership")
  void suppressedOnPurpose() {
    Owned<String> o = Owned.of("x");
    o.take();
    o.get();
  }
}
