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
 * callee domain and reaches the caller as {@link DomainFailedException}. Checked exceptions that
 * the method declares (such as a {@link CrossDomainException} from a further call) pass through
 * unchanged, as an {@code Err} result does in Rust.
 *
 * <p>Rules, checked at compile time with an error on the offending element:
 *
 * <ul>
 *   <li>the interface is not generic and not private;
 *   <li>every abstract method declares {@code throws CrossDomainException} (or a supertype such as
 *       {@code Exception}). Declaring only a subclass, e.g. {@code DomainFailedException}, is an
 *       error: the proxy can throw every kind (revoked, refused, failed) and each needs a checked way
 *       out;
 *   <li>every parameter and return type may cross: primitives and their boxes, {@code String},
 *       enums, records whose components may cross (checked recursively), {@code Owned<T>}, classes
 *       annotated {@code @Linear}, {@code RRef<T>}, and {@code void}. A parameter annotated {@code
 *       @Borrowed} may have any type (valid for the call only). Arrays, collections, other
 *       {@code @DomainInterface} types and everything else are rejected: pass an {@code RRef<T>}
 *       to share an object that must stay in its domain.
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
