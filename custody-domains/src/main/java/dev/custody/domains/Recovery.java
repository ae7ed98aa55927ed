package dev.custody.domains;

/**
 * The user's recovery function: re-initialises a domain after a failure, from clean state.
 *
 * <p>It runs on the thread whose call failed, after the domain's reference table was cleared and
 * its resources released, with {@link Domain#current()} equal to the recovering domain (so {@link
 * Domain#own} and {@link RRef#of} work as inside the domain). It re-populates existing slots with
 * {@link RecoveryContext#rebind}, so the {@link RRef}s that clients hold work again. Slots it does
 * not rebind are rebuilt by their {@linkplain RRef#recoverable factory} if they have one, and
 * revoked otherwise.
 *
 * <p>If it throws, the domain is dead. It may do anything domain code may do, including building
 * objects from a fresh class loader (see {@link RecoveryContext}).
 */
@FunctionalInterface
public interface Recovery {
  /** Does nothing: slots with a factory are rebuilt, the others revoked. */
  Recovery NONE = ctx -> {};

  void recover(RecoveryContext ctx) throws Exception;
}
