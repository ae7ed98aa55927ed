package ifc;

/** Library code that cannot be annotated; the policy file rifl-policy.xml labels it. */
final class Vault {
  static String masterKey() {
    return "k";
  }

  static String motd() {
    return "welcome";
  }
}

final class Net {
  static void send(String host, String payload) {}
}

class UsesThirdParty {
  void leaks() {
    Net.send("example.org", Vault.masterKey()); // error: [custody.ifc] secret value reaches public channel Net.send; source: policy source 'Vault.masterKey'
  }

  void clean() {
    Net.send("example.org", Vault.motd());
  }

  void hostIsNotASink() {
    String k = Vault.masterKey();
    Net.send(k.isEmpty() ? "a" : "b", "x"); // the host (parameter 1) is not a sink
  }
}
