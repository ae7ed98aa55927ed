package ifc;

import dev.custody.Linear;
import dev.custody.ifc.Label;
import java.util.ArrayList;
import java.util.List;

/** The paper's §4 example, lines 9-17, with line 17 uncommented: exactly two errors. */
class PaperBuffer {
  void main() {
    Buffer buf = new Buffer();
    @Label("public") Vec nonsec = Vec.of(1, 2, 3);
    @Label("secret") Vec sec = Vec.of(4, 5, 6);
    buf.append(nonsec);
    buf.append(sec); // buf now contains secret data
    System.out.println(buf.data); // error: [custody.ifc] secret value reaches public channel PrintStream.println; source: variable 'sec' (line 13)
    System.out.println(nonsec); // error: [custody.ownership] use of moved value 'nonsec' (moved at line 14)
  }
}

@Linear
final class Vec {
  private final List<Integer> items = new ArrayList<>();

  static Vec of(int... xs) {
    Vec v = new Vec();
    for (int x : xs) {
      v.items.add(x);
    }
    return v;
  }

  void append(Vec other) {
    items.addAll(other.items);
  }

  @Override
  public String toString() {
    return items.toString();
  }
}

@Linear
final class Buffer {
  Vec data;

  void append(Vec v) {
    if (data == null) {
      data = v;
    } else {
      data.append(v);
    }
  }
}
