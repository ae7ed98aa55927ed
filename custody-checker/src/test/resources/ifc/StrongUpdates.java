package ifc;

import dev.custody.Linear;
import dev.custody.Owned;
import dev.custody.ifc.Label;
import java.util.ArrayList;
import java.util.List;

/** Linear values: labels rise with what is written into them and move with them. Aliasable ones: fixed. */
class StrongUpdates {
  @Label("secret") String password;
  String banner;
  @Label("secret") List<String> vault = new ArrayList<>();

  void ownedBufferBecomesSecret() {
    Owned<StringBuilder> buf = Owned.of(new StringBuilder());
    buf.get().append("user=");
    System.out.println(buf.get()); // still public here
    buf.get().append(password);
    System.out.println(buf.get()); // error: [custody.ifc] secret value reaches public channel PrintStream.println; source: field 'StrongUpdates.password' (line 11)
  }

  void linearVecBecomesSecret(@Label("secret") int pin) {
    Bytes b = Bytes.empty();
    b.push(7);
    System.out.println(b); // public so far
    b.push(pin);
    System.out.println(b); // error: secret value reaches public channel PrintStream.println; source: parameter 'pin'
  }

  void movingMovesTheLabel(@Label("secret") int pin) {
    Bytes b = Bytes.empty();
    b.push(pin);
    Bytes c = b;
    System.out.println(c); // error: secret value reaches public channel PrintStream.println; source: parameter 'pin'
  }

  void freshLinearIsPublic(@Label("secret") int pin) {
    Bytes b = Bytes.empty();
    b.push(pin);
    Bytes d = Bytes.empty();
    d.push(1);
    System.out.println(d);
  }

  void aliasableListKeepsItsLabel() {
    List<String> log = new ArrayList<>();
    log.add("login");
    log.add(password); // error: secret value written into public object 'log' (List.add); source: field 'StrongUpdates.password'
  }

  void secretListAcceptsSecrets() {
    @Label("secret") List<String> keys = new ArrayList<>();
    keys.add(password);
    vault.add(password);
  }

  void publicFieldWrite() {
    banner = password; // error: secret value written into public field 'StrongUpdates.banner'
  }

  void publicFieldWriteOfPublic() {
    banner = "hello";
  }

  void implicitWriteIntoAliasable(@Label("secret") boolean s) {
    List<String> seen = new ArrayList<>();
    if (s) {
      seen.add("x"); // error: secret value written into public object 'seen' (List.add); source: parameter 's'
    }
  }

  static void put(List<String> into, String what) {
    into.add(what);
  }

  void writeThroughCallee() {
    List<String> shared = new ArrayList<>();
    put(shared, "public data");
    put(shared, password); // error: secret value written into public object 'into' (List.add) in StrongUpdates.put (line 74); source: field 'StrongUpdates.password'
  }

  void arrayWrite(@Label("secret") int pin) {
    int[] shown = new int[4];
    shown[0] = 1;
    shown[1] = pin; // error: secret value written into public object 'shown' (array element)
  }
}

@Linear
final class Bytes {
  private final List<Integer> items = new ArrayList<>();

  static Bytes empty() {
    return new Bytes();
  }

  void push(int x) {
    items.add(x);
  }

  @Override
  public String toString() {
    return items.toString();
  }
}
