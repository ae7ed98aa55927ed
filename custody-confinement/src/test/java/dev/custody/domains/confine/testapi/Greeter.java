package dev.custody.domains.confine.testapi;

/** Test domain interface: confined test code implements it. */
public interface Greeter {
  String greet(String who);

  /** Increments and returns a static counter of the implementation. */
  int counter();
}
