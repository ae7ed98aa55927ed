package dev.custody.domains.confine.testapi;

import dev.custody.domains.CrossDomainException;
import dev.custody.domains.DomainInterface;

/** Test domain interface: confined test code implements it. */
@DomainInterface
public interface Greeter {
  String greet(String who) throws CrossDomainException;

  /** Increments and returns a static counter of the implementation. */
  int counter() throws CrossDomainException;
}
