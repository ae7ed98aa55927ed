package ownership;

import dev.custody.Borrowed;
import dev.custody.Linear;
import java.util.ArrayList;
import java.util.List;

/** The paper's Buffer example (HotOS'17, §4), ownership half: nonsec moves into the buffer. */
@Linear
final class Vec {
  final List<Integer> items = new ArrayList<>();
}

@Linear
final class Buffer {
  final List<Integer> data = new ArrayList<>();

  void append(Vec v) {
    data.addAll(v.items);
  }
}

class PaperExample {
  static void println(@Borrowed Object o) {}

  void main() {
    Buffer buf = new Buffer();
    Vec sec = new Vec();
    Vec nonsec = new Vec();
    buf.append(sec);
    buf.append(nonsec);
    println(buf.data);
    println(nonsec); // error: [custody.ownership] use of moved value 'nonsec' (moved at line 31)
  }

  void publicOnlyVariant() {
    Buffer buf = new Buffer();
    Vec nonsec = new Vec();
    buf.append(nonsec);
    println(buf.data);
  }
}
