package dev.custody.domains.confine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a confined domain cannot be created because its code breaks the policy. The message
 * lists every violation, one per line; {@link #violations()} gives them as values. Nothing was
 * loaded into the host when this is thrown: the domain's class loader is discarded.
 *
 * <p>Instances are immutable once thrown.
 */
public final class ConfinementException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public ConfinementException(String domain, List<Violation> violations) {
    super(message(domain, violations));
    this.violations = List.copyOf(violations);
  }

  private static String message(String domain, List<Violation> violations) {
    return "domain '" + domain + "' refused by the confinement policy: " + violations.size()
        + " violation" + (violations.size() == 1 ? "" : "s") + "\n"
        + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n"));
  }

  /** All violations, in class then bytecode order. */
  public List<Violation> violations() {
    return violations;
  }
}
