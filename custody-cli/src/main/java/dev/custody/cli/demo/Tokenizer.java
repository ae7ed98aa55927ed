package dev.custody.cli.demo;

import dev.custody.domains.CrossDomainException;
import dev.custody.domains.DomainInterface;

/** The demo's word splitter, which lives in its own domain and has a bug on purpose. */
@DomainInterface
public interface Tokenizer {
  int countWords(String line) throws CrossDomainException;
}
