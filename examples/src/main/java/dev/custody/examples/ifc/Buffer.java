package dev.custody.examples.ifc;

import dev.custody.Linear;

/**
 * The paper's §4 {@code Buffer}: the first vector appended becomes the buffer's storage (line 6),
 * later ones are appended to it (line 7). In Rust, and with Custody's checker, the caller loses
 * the vectors it appends, so it cannot keep an alias to the storage; and because the buffer is
 * linear its label rises with what is appended (a strong update), which the information-flow
 * check tracks without any alias analysis.
 *
 * <p>Not thread-safe.
 */
@Linear
public final class Buffer {
  /** The contents; {@code null} until the first append. */
  public Vec data;

  public Buffer() {}

  /** Appends {@code v}, which moves into the buffer. */
  public void append(Vec v) {
    if (data == null) {
      data = v;
    } else {
      data.append(v);
    }
  }
}
