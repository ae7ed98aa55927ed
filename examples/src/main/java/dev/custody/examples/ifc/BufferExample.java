package dev.custody.examples.ifc;

import dev.custody.ifc.Label;

/**
 * The paper's program (§4, lines 9-17) in its passing variant: only public data is appended, so
 * printing the buffer is allowed. The failing variant, which appends a secret vector and then
 * prints the buffer and the moved {@code nonsec}, is compiled by the checker's tests
 * ({@code custody-checker/src/test/resources/ifc/PaperBuffer.java}) and fails with exactly the
 * paper's two errors:
 *
 * <pre>
 * PaperBuffer.java:16: error: [custody.ifc] secret value reaches public channel PrintStream.println; source: variable 'sec' (line 13)
 * PaperBuffer.java:17: error: [custody.ownership] use of moved value 'nonsec' (moved at line 14)
 * </pre>
 */
public final class BufferExample {
  private BufferExample() {}

  public static void main(String[] args) {
    Buffer buf = new Buffer();
    @Label("public") Vec nonsec = Vec.of(1, 2, 3);
    @Label("public") Vec more = Vec.of(4, 5, 6);
    buf.append(nonsec);
    buf.append(more); // buf holds public data only
    System.out.println(buf.data);
  }
}
