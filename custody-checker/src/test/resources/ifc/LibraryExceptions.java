package ifc;

import dev.custody.ifc.Label;

/** Exceptions thrown by library code are implicit flows towards the handlers that catch them. */
class LibraryExceptions {
  static int parse(String s) {
    return Integer.parseInt(s);
  }

  void parseLeaks(@Label("secret") String pin) {
    try {
      Integer.parseInt(pin);
    } catch (NumberFormatException e) {
      System.out.println("bad"); // error: [custody.ifc] secret value reaches public channel PrintStream.println; source: parameter 'pin'
    }
  }

  void parseOfPublic(@Label("secret") String pin, String input) {
    try {
      Integer.parseInt(input);
    } catch (NumberFormatException e) {
      System.out.println("bad");
    }
  }

  void successAlsoLeaks(@Label("secret") String pin) {
    boolean ok;
    try {
      Integer.parseInt(pin);
      ok = true;
    } catch (NumberFormatException e) {
      ok = false;
    }
    System.out.println(ok); // error: secret value reaches public channel PrintStream.println; source: parameter 'pin'
  }

  void afterTheTryRejoins(@Label("secret") String pin) {
    int n = 0;
    try {
      n = Integer.parseInt(pin);
    } catch (NumberFormatException e) {
      n = -1;
    }
    System.out.println("done");
  }

  void uncaughtIsNoBranch(@Label("secret") String pin) {
    Integer.parseInt(pin);
    System.out.println("parsed");
  }

  void throughCompiledCallee(@Label("secret") String pin) {
    try {
      parse(pin);
    } catch (NumberFormatException e) {
      System.out.println("bad"); // error: secret value reaches public channel PrintStream.println; source: parameter 'pin'
    }
  }

  void throughCompiledCalleeOnPublic(String input) {
    try {
      parse(input);
    } catch (NumberFormatException e) {
      System.out.println("bad");
    }
  }

  void finallyRunsUnderTheData(@Label("secret") String pin) {
    try {
      Integer.parseInt(pin);
    } finally {
      System.out.println("cleanup"); // error: secret value reaches public channel PrintStream.println; source: parameter 'pin'
    }
  }

  void finallyOverPublic(String input) {
    try {
      Integer.parseInt(input);
    } finally {
      System.out.println("cleanup");
    }
  }

  void catchParameterCarriesTheLabel(@Label("secret") String pin) {
    IllegalStateException failure = new IllegalStateException("bad pin " + pin);
    String message = "";
    try {
      throw failure; // unconditional: the handler's pc stays public, the exception object is secret
    } catch (IllegalStateException e) {
      message = e.getMessage();
    }
    System.out.println(message); // error: secret value reaches public channel PrintStream.println; source: parameter 'pin'
  }

  void catchParameterOfLibraryException(@Label("secret") String pin) {
    String message = "";
    try {
      Integer.parseInt(pin);
    } catch (NumberFormatException e) {
      message = e.getMessage(); // "For input string: <pin>"
    }
    Runnable later = () -> System.out.println("later");
    later.run();
    System.out.println(message); // error: secret value reaches public channel PrintStream.println; source: parameter 'pin'
  }

  void catchParameterOfPublicThrow() {
    String message = "";
    try {
      throw new IllegalStateException("bad input");
    } catch (IllegalStateException e) {
      message = e.getMessage();
    }
    System.out.println(message);
  }

  void declassificationIsNoBranch(@Label("secret") String pin) {
    String size = pin.length() > 4 ? "long" : "short";
    String shown = "";
    try {
      shown = dev.custody.ifc.Declassify.to("public", size); // note: declassification to 'public'
    } catch (RuntimeException e) {
      shown = "?";
    }
    System.out.println(shown);
  }

  void lambdaThrowsThroughTheLibrary(@Label("secret") boolean flag, java.util.List<String> names) {
    boolean failed = false;
    try {
      names.forEach(n -> {
        if (flag) {
          throw new IllegalStateException();
        }
      });
    } catch (IllegalStateException e) {
      failed = true;
    }
    System.out.println(failed); // error: secret value reaches public channel PrintStream.println; source: parameter 'flag'
  }

  void lambdaThrowsOnPublicData(boolean flag, java.util.List<String> names) {
    boolean failed = false;
    try {
      names.forEach(n -> {
        if (flag) {
          throw new IllegalStateException();
        }
      });
    } catch (IllegalStateException e) {
      failed = true;
    }
    System.out.println(failed);
  }
}
