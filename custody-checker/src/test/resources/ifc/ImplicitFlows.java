package ifc;

import dev.custody.ifc.Label;

/** Implicit flows through every construct: each leaking method has a clean twin. */
class ImplicitFlows {
  static void out(int x) {
    System.out.println(x);
  }

  void ifLeaks(@Label("secret") boolean s) {
    int x = 0;
    if (s) {
      x = 1;
    }
    System.out.println(x); // error: [custody.ifc] secret value reaches public channel PrintStream.println; source: parameter 's'
  }

  void ifRejoins(@Label("secret") boolean s) {
    int y = 0;
    if (s) {
      y = 1;
    }
    int x = 5; // after the branch rejoins: not tainted
    System.out.println(x);
  }

  void printInsideSecretBranch(@Label("secret") boolean s) {
    if (s) {
      System.out.println("yes"); // error: secret value reaches public channel PrintStream.println
    }
    System.out.println("done");
  }

  void switchStatementLeaks(@Label("secret") int s) {
    int x;
    switch (s) {
      case 1:
        x = 10;
        break;
      default:
        x = 20;
    }
    System.out.println(x); // error: secret value reaches public channel PrintStream.println
  }

  void switchStatementRejoins(@Label("secret") int s, int p) {
    int x = 0;
    switch (s) {
      case 1 -> x = 10;
      default -> x = 20;
    }
    System.out.println(p);
  }

  void switchExpressionLeaks(@Label("secret") int s) {
    String x = switch (s) {
      case 1 -> "one";
      default -> "other";
    };
    System.out.println(x); // error: secret value reaches public channel PrintStream.println
  }

  void switchExpressionOnPublic(int p) {
    String x = switch (p) {
      case 1 -> "one";
      default -> "other";
    };
    System.out.println(x);
  }

  void whileLeaks(@Label("secret") int s) {
    int n = 0;
    while (n < s) {
      n++;
    }
    System.out.println(n); // error: secret value reaches public channel PrintStream.println
  }

  void whileRejoins(@Label("secret") int s) {
    int n = 0;
    int k = 0;
    while (n < s) {
      n++;
    }
    System.out.println(k);
  }

  void forLeaks(@Label("secret") int s) {
    int c = 0;
    for (int i = 0; i < s; i++) {
      c += 2;
    }
    System.out.println(c); // error: secret value reaches public channel PrintStream.println
  }

  void doWhileLeaks(@Label("secret") boolean s) {
    int c = 0;
    do {
      c++;
    } while (s && c < 3);
    System.out.println(c); // error: secret value reaches public channel PrintStream.println
  }

  void forOverPublic(int p) {
    int c = 0;
    for (int i = 0; i < p; i++) {
      c += 2;
    }
    System.out.println(c);
  }

  void conditionalLeaks(@Label("secret") boolean s) {
    int x = s ? 1 : 0;
    System.out.println(x); // error: secret value reaches public channel PrintStream.println
  }

  void conditionalOnPublic(boolean p, @Label("secret") boolean s) {
    int x = p ? 1 : 0;
    boolean unused = s ? true : false;
    System.out.println(x);
  }

  void earlyReturnLeaks(@Label("secret") boolean s) {
    if (s) {
      return;
    }
    System.out.println("s was false"); // error: secret value reaches public channel PrintStream.println
  }

  void earlyReturnOnPublic(boolean p) {
    if (p) {
      return;
    }
    System.out.println("p was false");
  }

  int returnedUnderSecret(@Label("secret") boolean s) {
    if (s) {
      return 1;
    }
    return 0;
  }

  void earlyReturnThroughHelper(@Label("secret") boolean s) {
    out(returnedUnderSecret(s)); // error: secret value reaches public channel PrintStream.println in ImplicitFlows.out
  }

  void breakLeaks(@Label("secret") int s) {
    int i = 0;
    for (; i < 10; i++) {
      if (i == s) {
        break;
      }
    }
    System.out.println(i); // error: secret value reaches public channel PrintStream.println
  }

  void thrownAndCaughtLeaks(@Label("secret") boolean s) {
    boolean caught = false;
    try {
      if (s) {
        throw new IllegalStateException();
      }
    } catch (IllegalStateException e) {
      caught = true;
    }
    System.out.println(caught); // error: secret value reaches public channel PrintStream.println
  }

  void thrownOnPublicCaught(boolean p, @Label("secret") boolean s) {
    boolean caught = false;
    try {
      if (p) {
        throw new IllegalStateException();
      }
    } catch (IllegalStateException e) {
      caught = true;
    }
    System.out.println(caught);
  }

  static void check(boolean ok) {
    if (!ok) {
      throw new IllegalArgumentException("no");
    }
  }

  void propagatedFromCalleeLeaks(@Label("secret") boolean s) {
    boolean failed = false;
    try {
      check(s);
    } catch (IllegalArgumentException e) {
      failed = true;
    }
    System.out.println(failed); // error: secret value reaches public channel PrintStream.println
  }

  void propagatedFromCalleeOnPublic(boolean p) {
    boolean failed = false;
    try {
      check(p);
    } catch (IllegalArgumentException e) {
      failed = true;
    }
    System.out.println(failed);
  }

  void uncaughtFromCalleeLeaks(@Label("secret") boolean s) {
    check(s);
    System.out.println("still here"); // error: secret value reaches public channel PrintStream.println
  }
}
