package dev.custody.netfn.firewall;

/**
 * A rule-update batch was refused. The database was rolled back to its state before the batch;
 * {@link #index()} is the position in the batch of the update that failed.
 */
public final class InvalidRuleUpdateException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int index;

  public InvalidRuleUpdateException(int index, String message) {
    super("rule update " + index + ": " + message);
    this.index = index;
  }

  /** The position in the batch of the update that failed. */
  public int index() {
    return index;
  }
}
