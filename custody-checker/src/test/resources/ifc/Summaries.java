package ifc;

import dev.custody.ifc.Label;

/** Context-sensitive summaries: one helper, public and secret callers; recursion by fixpoint. */
class Summaries {
  static String shout(String s) {
    return s.toUpperCase() + "!";
  }

  static void log(String msg) {
    System.out.println(msg);
  }

  static int sum(int n, int acc) {
    if (n <= 0) {
      return acc;
    }
    return sum(n - 1, acc + n);
  }

  static boolean even(int n) {
    return n == 0 || odd(n - 1);
  }

  static boolean odd(int n) {
    return n != 0 && even(n - 1);
  }

  void sameHelperTwoContexts(@Label("secret") String key) {
    String a = shout("hello");
    String b = shout(key);
    System.out.println(a);
    System.out.println(b); // error: [custody.ifc] secret value reaches public channel PrintStream.println; source: parameter 'key'
  }

  void sinkInsideHelper(@Label("secret") String key) {
    log("public");
    log(key); // error: secret value reaches public channel PrintStream.println in Summaries.log (line 12); source: parameter 'key'
  }

  void recursion(@Label("secret") int s) {
    System.out.println(sum(10, 0));
    System.out.println(sum(s, 0)); // error: secret value reaches public channel PrintStream.println
    System.out.println(sum(3, s)); // error: secret value reaches public channel PrintStream.println
  }

  void mutualRecursion(@Label("secret") int s) {
    System.out.println(even(4));
    System.out.println(even(s)); // error: secret value reaches public channel PrintStream.println
  }
}
