package dev.custody.examples.ifc;

import dev.custody.ifc.Declassify;
import dev.custody.ifc.Label;
import java.util.List;

/** Several clients share one {@link SecureStore}; only public data is printed. */
public final class SecureStoreExample {
  private SecureStoreExample() {}

  public static void main(String[] args) {
    SecureStore store = new SecureStore();
    PrivilegedClient admin = new PrivilegedClient("admin");
    OrdinaryClient alice = new OrdinaryClient("alice");
    OrdinaryClient bob = new OrdinaryClient("bob");
    @Label("secret") String payroll = "alice=100k,bob=90k";
    store.put(admin, "payroll", payroll);
    store.put(alice, "menu", "soup");
    store.serve(alice, "menu");
    store.serve(bob, "payroll"); // bob asks for privileged data and gets nothing
    store.serve(admin, "payroll");
    store.serve(admin, "menu");
    for (OrdinaryClient c : List.of(alice, bob)) {
      System.out.println(c.name() + " received " + c.inbox());
    }
    System.out.println("admin received " + Declassify.to("public", admin.inbox().size()) + " items");
  }
}
