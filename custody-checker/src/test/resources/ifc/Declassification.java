package ifc;

import dev.custody.ifc.Declassify;
import dev.custody.ifc.Label;

/** Declassification is explicit, names its target and is listed for audit. */
class Declassification {
  void declassified(@Label("secret") String password) {
    int len = Declassify.to("public", password.length()); // note: [custody.ifc] declassification to 'public' of password.length() at Declassification.java:9 (audit)
    System.out.println(len);
  }

  void notDeclassified(@Label("secret") String password) {
    int len = password.length();
    System.out.println(len); // error: [custody.ifc] secret value reaches public channel PrintStream.println; source: parameter 'password'
  }

  void unknownTarget(@Label("secret") String password) {
    System.out.println(Declassify.to("nobody", password)); // error: [custody.ifc] unknown label 'nobody' // error: secret value reaches public channel
  }

  void nonConstantTarget(@Label("secret") String password, String label) {
    System.out.println(Declassify.to(label, password)); // error: [custody.ifc] Declassify.to needs a constant label name // error: secret value reaches public channel
  }

  void unknownLabel() {
    @Label("topsecret") int x = 1; // error: [custody.ifc] unknown label 'topsecret' (the lattice has [public, secret])
  }
}
