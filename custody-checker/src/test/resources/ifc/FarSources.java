package ifc;

import dev.custody.ifc.Label;
import java.util.ArrayList;
import java.util.List;

/**
 * The secret enters several calls away from where it leaks, so the leaking methods mention no
 * label themselves: the demand-driven pass must still reach them (caller chain, callee chain,
 * virtual dispatch, a field). Unmarked methods stay silent.
 */
class FarSources {
  @Label("secret") static String token = "t";
  static String cache = "";

  // ---- caller chain: the source is three returns below the print ----
  static String level3() {
    return token;
  }

  static String level2() {
    return level3();
  }

  static String level1() {
    return level2();
  }

  static void printsLevel1() {
    System.out.println(level1()); // error: secret value reaches public channel PrintStream.println; source: field 'FarSources.token'
  }

  static void cachesLevel1() {
    cache = level1(); // error: secret value written into public field 'FarSources.cache'
  }

  static String publicLevel() {
    return "p";
  }

  static void printsPublicChain() {
    System.out.println(publicLevel());
  }

  // ---- callee chain: the print is three calls below the source ----
  static void hop3(String s) {
    System.out.println(s);
  }

  static void hop2(String s) {
    hop3(s);
  }

  static void hop1(String s) {
    hop2(s);
  }

  static void sendsSecretDown(@Label("secret") String pin) {
    hop1(pin); // error: secret value reaches public channel PrintStream.println in FarSources.hop3
  }

  static void sendsPublicDown() {
    hop1("fine");
  }

  // ---- virtual dispatch, both directions ----
  interface Source {
    String get();
  }

  static final class PublicSource implements Source {
    public String get() {
      return "p";
    }
  }

  static final class TokenSource implements Source {
    public String get() {
      return level2();
    }
  }

  static void showsAnySource(Source s) {
    System.out.println(s.get()); // error: secret value reaches public channel PrintStream.println
  }

  interface Sink {
    void put(String s);
  }

  static final class ConsoleSink implements Sink {
    public void put(String s) {
      System.out.println(s);
    }
  }

  static void relay(Sink sink, String s) {
    sink.put(s);
  }

  static void sendsThroughInterface(Sink sink) {
    relay(sink, level1()); // error: secret value reaches public channel PrintStream.println in ConsoleSink.put (line 93) in FarSources.relay (line 98)
  }

  // ---- through a field of a public object, written far from the source ----
  final List<String> log = new ArrayList<>();

  void append(String s) {
    log.add(s);
  }

  void appendsFar() {
    append(level1()); // error: secret value written into public field 'FarSources.log' (List.add) in FarSources.append (line 109)
  }

  void appendsPublic() {
    append(publicLevel());
  }
}
