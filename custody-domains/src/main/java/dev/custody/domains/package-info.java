/**
 * Software fault isolation inside one JVM (paper §3): protection domains, remote references,
 * zero-copy ownership transfer, revocation, guards, fault containment and recovery.
 *
 * <h2>Using it</h2>
 *
 * <pre>{@code
 * @DomainInterface
 * interface Stage { Owned<Batch> process(Owned<Batch> b) throws CrossDomainException; }
 *
 * Domain d = Domain.builder("firewall")
 *     .recovery(ctx -> ...)                    // optional: re-populate slots after a failure
 *     .failurePolicy(5, Duration.ofSeconds(1)) // 5 failures within 1 s: dead
 *     .build();
 * RRef<Stage> ref = d.execute(() -> RRef.<Stage>of(new Firewall()));
 * Stage stage = new StageProxy(ref);           // generated at compile time
 * try {
 *   batch = stage.process(batch);              // batch moved in, result moved out
 * } catch (DomainFailedException e) { ... }    // the domain has already recovered (or is dead)
 * }</pre>
 *
 * <p>Every method of a domain interface declares {@code throws CrossDomainException} or a
 * subclass. With {@code CrossDomainException} (recommended) each failure arrives as itself: {@code
 * RevokedException}, {@code CallRefusedException} or {@code DomainFailedException}. A method that
 * declares only subclasses gets each failure it declares as itself and the others converted into
 * the first declared type that can carry them:
 *
 * <pre>{@code
 * Owned<Batch> process(Owned<Batch> b) throws DomainFailedException;
 *     // revoked or refused: a fail-fast DomainFailedException, cause RevokedException/CallRefusedException
 * Owned<Batch> process(Owned<Batch> b) throws StageException;   // StageException extends CrossDomainException
 *     // any failure: new StageException(message, failure); needs public StageException(String, Throwable)
 * }</pre>
 *
 * <p>Exceptions the target throws on purpose and the method declares pass through unchanged. The
 * full rule is in {@link dev.custody.domains.DomainInterface}.
 *
 * <h2>Failing</h2>
 *
 * <p>Any {@code Throwable} escaping domain code, {@code StackOverflowError} included, unwinds to
 * the domain entry and fails the call. Code that gives up on purpose throws a {@link
 * dev.custody.domains.Panic}, which like Rust's {@code panic!} records no stack trace unless
 * {@code custody.backtrace} is set: containment and recovery then cost a few hundred
 * nanoseconds, where an ordinary exception's stack capture alone can cost microseconds.
 *
 * <h2>Recovery recipes</h2>
 *
 * <ul>
 *   <li><b>Re-create objects</b>: export with {@link dev.custody.domains.RRef#recoverable
 *       RRef.recoverable(factory)}; after a failure the factory runs inside the domain and its
 *       result re-populates the same slot. A checkpointing domain passes a factory that restores
 *       the last checkpoint.
 *   <li><b>Hand-written</b>: a {@link dev.custody.domains.Recovery} function gets a {@link
 *       dev.custody.domains.RecoveryContext}: {@code pendingRefs()} lists the cleared slots (as the
 *       {@code RRef}s clients hold; {@code RRef.equals} is slot identity, so they work as map
 *       keys) and {@code rebind(ref, newTarget)} re-populates one.
 *   <li><b>Fresh classes</b> (confinement): the recovery function drops the old class loader,
 *       creates a new one, instantiates new targets from it and rebinds every pending slot; the
 *       {@code RRef}s, typed by an interface from the shared parent loader, keep working. Export
 *       with {@link dev.custody.domains.RRef#of(Class, Object) RRef.of(type, target)} to have
 *       {@code rebind} check the new target's type.
 * </ul>
 *
 * <p>Slots that neither the recovery function nor a factory re-populate are revoked. Resources the
 * domain registered with {@link dev.custody.domains.Domain#own} are closed before recovery runs.
 */
package dev.custody.domains;
