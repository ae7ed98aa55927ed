package dev.custody.domains;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose objects may be called across domain boundaries through an {@link
 * RRef}. The annotation processor in {@code custody-domains-processor} generates, at compile time,
 * a typed proxy for it:
 *
 * <ul>
 *   <li>for a top-level {@code interface Stage} in package {@code p}: {@code p.StageProxy}; for a
 *       nested {@code Outer.Stage}: {@code p.Outer_StageProxy};
 *   <li>the proxy is {@code public final class StageProxy implements Stage} with a constructor
 *       {@code StageProxy(RRef<Stage>)}, a factory {@code static Stage of(RRef<Stage>)}, and
 *       {@code RRef<Stage> rref()}.
 * </ul>
 *
 * <p>Each call through the proxy looks up the reference's slot (revoked: {@link
 * RevokedException}), runs the callee domain's guards, switches the current domain, invokes the
 * target, and restores the current domain; a {@link Throwable} escaping the target fails the
 * callee domain and reaches the caller as {@link DomainFailedException} (or as the type the
 * method declares; see <em>Failure delivery</em>). Checked exceptions that the method declares
 * (such as a {@link CrossDomainException} from a further call) pass through unchanged, as an
 * {@code Err} result does in Rust.
 *
 * <p>Rules, checked at compile time with an error on the offending element:
 *
 * <ul>
 *   <li>the interface is not generic and not private;
 *   <li>every abstract method declares {@code throws CrossDomainException}, a supertype such as
 *       {@code Exception}, or one or more subclasses of it (see <em>Failure delivery</em> below). A
 *       method that declares only subclasses none of which can carry a conversion is an error: the
 *       proxy can fail in every way (revoked, refused, failed) and each needs a checked way out;
 *   <li>every parameter and return type may cross: primitives and their boxes, {@code String},
 *       enums, records whose components may cross (checked recursively), {@code Owned<T>}, classes
 *       annotated {@code @Linear}, {@code RRef<T>}, and {@code void}. A parameter annotated {@code
 *       @Borrowed} may have any type (valid for the call only). Arrays, collections, other
 *       {@code @DomainInterface} types and everything else are rejected: pass an {@code RRef<T>}
 *       to share an object that must stay in its domain.
 * </ul>
 *
 * <h2>Failure delivery</h2>
 *
 * <p>A call through a proxy fails with a {@link RevokedException} (the reference was revoked), a
 * {@link CallRefusedException} (a guard refused) or a {@link DomainFailedException} (the callee
 * failed, ran past its deadline, or is failed, recovering or dead). How they reach the caller
 * depends on the method's {@code throws} clause:
 *
 * <ul>
 *   <li><b>{@code throws CrossDomainException}</b> (or {@code Exception}, {@code Throwable}):
 *       every failure arrives as itself. This is the recommended form and the fastest: the proxy
 *       has no conversion step at all.
 *   <li><b>Only subclasses of {@code CrossDomainException}</b>, e.g. {@code throws
 *       DomainFailedException} or a user-defined {@code throws S} with {@code S extends
 *       CrossDomainException}: a failure that is an instance of a declared type arrives as itself;
 *       any other failure is converted into the <em>conversion target</em>, which is the
 *       <b>first</b> type in the {@code throws} clause that can carry a conversion:
 *       <ul>
 *         <li>{@code DomainFailedException}: a revocation or refusal arrives as a {@linkplain
 *             DomainFailedException#isFailFast() fail-fast} {@code DomainFailedException} whose
 *             {@linkplain Throwable#getCause() cause} is the {@code RevokedException} or {@code
 *             CallRefusedException} and whose message says so;
 *         <li>{@code RevokedException} or {@code CallRefusedException}: another failure arrives as
 *             that type, with the original failure as cause;
 *         <li>a user-defined subclass {@code S}: the proxy calls {@code new S(message, failure)},
 *             so {@code S} must be a concrete, non-inner class, accessible from the interface's
 *             package, with a public {@code S(String, Throwable)} constructor; the message names the
 *             method, the callee domain and the original failure (see {@link
 *             ProxySupport#deliveredMessage}). A declared {@code S} without one is skipped when
 *             choosing the target; if no declared type can be the target, the method is a compile
 *             error naming the types and what they need.
 *       </ul>
 *       Checked exceptions that the target throws and the method declares (including {@code S}
 *       itself) pass through unchanged. Conversion happens on the caller's side after the callee
 *       domain was left and costs nothing unless the call fails. Deadlines ({@link
 *       RRef#withDeadline}) and moved {@code Owned} arguments behave as for the direct form: a
 *       deadline failure is a {@code DomainFailedException} (cause {@link
 *       DeadlineExceededException}) and is delivered by the same rule, and moved handles are
 *       released before the failure is delivered.
 * </ul>
 *
 * <p>{@code Owned<T>} arguments are moved: the proxy calls {@link dev.custody.Owned#move()}, so
 * the caller's handle is dead after the call and the callee receives a live one. If the call
 * fails, handles moved into it that are still live are released (their value closed if it is an
 * {@link AutoCloseable}). {@code @Linear} values are moved by the compile-time checker's rules;
 * the proxy cannot kill the caller's reference at run time, so wrap them in {@code Owned} to get
 * the run-time guarantee and release on failure.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DomainInterface {}
