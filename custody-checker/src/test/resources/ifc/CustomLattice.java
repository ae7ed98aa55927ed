package ifc;

import dev.custody.ifc.Channel;
import dev.custody.ifc.Label;

/**
 * Checked with lattice custom-lattice.properties: a chain public < internal < secret, and two
 * incomparable labels alice, bob below their join 'pair' (itself below secret).
 */
class CustomLattice {
  static void intranet(@Channel("internal") String msg) {}

  static void toAlice(@Channel("alice") String msg) {}

  static void toPair(@Channel("pair") String msg) {}

  void chain(@Label("internal") String memo, @Label("secret") String key) {
    intranet(memo);
    intranet("hello");
    intranet(key); // error: [custody.ifc] secret value reaches internal channel CustomLattice.intranet
    System.out.println(memo); // error: [custody.ifc] internal value reaches public channel PrintStream.println
  }

  void incomparable(@Label("alice") String a, @Label("bob") String b) {
    toAlice(a);
    toAlice(b); // error: [custody.ifc] bob value reaches alice channel CustomLattice.toAlice
    toPair(a + b);
    toAlice(a + b); // error: [custody.ifc] pair value reaches alice channel CustomLattice.toAlice
  }

  void unknown() {
    @Label("carol") int x = 0; // error: [custody.ifc] unknown label 'carol' (the lattice has [public, internal, alice, bob, pair, secret])
  }
}
