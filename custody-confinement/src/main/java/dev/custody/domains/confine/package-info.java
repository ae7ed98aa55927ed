/**
 * Confined domains: a {@link dev.custody.domains.Domain} whose code comes from a jar or class
 * directory, is validated with the JDK ClassFile API before any class is defined, and is loaded
 * by a class loader of its own (DESIGN.md §1, "Confinement").
 *
 * <h2>Using it</h2>
 *
 * <pre>{@code
 * ConfinedDomain<HeaderFilter> d = ConfinedDomains.load("nat", Path.of("stage.jar"),
 *     HeaderFilter.class, "dev.example.stage.NatTtlStage", ConfinementPolicy.defaults());
 * HeaderFilter f = d.proxy();          // generated HeaderFilterProxy over d.ref()
 * f.process(header);                   // same call path as any other domain
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.custody.domains.confine.BytecodeValidator} and {@link
 *       dev.custody.domains.confine.ConfinementPolicy}: what is refused and why (the precise list
 *       is in the policy's class comment); {@link dev.custody.domains.confine.Violation}: one
 *       finding, printed as {@code Class.method(desc) @ offset N (line L): calls target [tag]}.
 *   <li>{@link dev.custody.domains.confine.ConfinedClassLoader}: what a domain can see (the JDK,
 *       Custody's API, its interfaces' packages, granted packages and libraries).
 *   <li>{@link dev.custody.domains.confine.Capabilities} and {@link
 *       dev.custody.domains.confine.FileCapability}: authority handed in by the host instead of
 *       lifting a rule.
 *   <li>{@link dev.custody.domains.confine.ConfinedDomain}: recovery through the domains runtime
 *       drops the class loader and rebinds the entry slot to an object of freshly loaded classes.
 * </ul>
 *
 * <h2>Limits</h2>
 *
 * <ul>
 *   <li>The validator checks what code names, not what it computes: a method reached only
 *       through an object the host hands in (a capability, a callback) runs with the host's
 *       authority, by design. Host API objects given to a domain must be safe to give.
 *   <li>Two rules follow values within one method ({@code synchronized} on shared objects,
 *       {@code Thread.interrupt()} on a thread other than the current one): a shared object
 *       that arrives as a parameter, a call result, an array element or a field of another
 *       domain class is not recognised as shared. Reading one system property is allowed.
 *   <li>Granted libraries are trusted (not validated), like Rust's {@code unsafe} crates.
 *   <li>Resource exhaustion (allocation, infinite loops) is not prevented here; deadlines in the
 *       domains runtime bound calls, and Java cannot kill a thread.
 * </ul>
 */
package dev.custody.domains.confine;
