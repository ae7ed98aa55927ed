package dev.custody.domains.confine;

import java.io.IOException;

/**
 * A jar, class directory or class file could not be read or parsed. The message names the file
 * and, for an entry of a jar, the entry.
 */
public final class UnreadableClassException extends IOException {
  private static final long serialVersionUID = 1L;

  public UnreadableClassException(String message, Throwable cause) {
    super(message, cause);
  }

  public UnreadableClassException(String message) {
    super(message);
  }
}
