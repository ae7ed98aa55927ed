package ifc;

import dev.custody.ifc.Label;

/** Field initializers are checked as parts of the constructors and static initializer. */
class FieldInitializers {
  static class Vault {
    @Label("secret")
    static String secretKey() {
      return "k";
    }
  }

  @Label("secret")
  static final String MASTER = "m";

  static int log(String s) {
    System.out.println(s);
    return 0;
  }

  @Label("public")
  String shown =
      Vault.secretKey(); // error: [custody.ifc] secret value written into public field 'FieldInitializers.shown'; source: return of 'Vault.secretKey'

  String plain = Vault.secretKey(); // error: secret value written into public field 'FieldInitializers.plain'

  @Label("secret")
  String kept = Vault.secretKey();

  int logged = log(MASTER); // error: secret value reaches public channel PrintStream.println in FieldInitializers.log

  static String leakedStatic = MASTER.trim(); // error: secret value written into public field 'FieldInitializers.leakedStatic'; source: field 'FieldInitializers.MASTER'

  static int loggedStatic = log(MASTER); // error: secret value reaches public channel PrintStream.println in FieldInitializers.log

  static int loggedPublic = log("hello");

  String derived = "x".trim() + loggedPublic;

  Runnable printer = () -> System.out.println(MASTER); // error: secret value reaches public channel PrintStream.println; source: field 'FieldInitializers.MASTER'

  int length = MASTER.isEmpty() ? 0 : 1; // error: secret value written into public field 'FieldInitializers.length'

  enum Level {
    SHOWN(log(MASTER)), // error: secret value reaches public channel PrintStream.println in FieldInitializers.log
    QUIET(log("quiet")),
    KEPT(MASTER.length()) { // error: secret value written into public field 'Level.code' in Level.<init> (line 58)
      @Override
      int weight() {
        return 2;
      }
    };

    private final int code;

    Level(int code) {
      this.code = code;
    }

    int weight() {
      return code;
    }
  }
}
