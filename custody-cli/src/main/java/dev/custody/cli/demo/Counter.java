package dev.custody.cli.demo;

import dev.custody.domains.CrossDomainException;
import dev.custody.domains.DomainInterface;

/** The demo's running total, in a domain of its own. */
@DomainInterface
public interface Counter {
  long add(int words) throws CrossDomainException;
}
