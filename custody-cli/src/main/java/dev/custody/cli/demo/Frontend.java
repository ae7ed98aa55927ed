package dev.custody.cli.demo;

import dev.custody.domains.CrossDomainException;
import dev.custody.domains.DomainInterface;

/** The demo's entry domain: asks the tokenizer, then the counter. */
@DomainInterface
public interface Frontend {
  /** Returns "words/total" for the line. */
  String submit(String line) throws CrossDomainException;
}
