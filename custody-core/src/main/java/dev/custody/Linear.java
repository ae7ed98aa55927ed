package dev.custody;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose values are move-only, like a Rust value without {@code Copy}.
 *
 * <p>Assigning a value of a {@code @Linear} class to another variable, storing it in a field or
 * array, returning it, capturing it in a lambda or inner class, or passing it to a parameter that
 * is not {@link Borrowed} <em>moves</em> it: the Custody checker ({@code -Xplugin:Custody})
 * rejects any later read of the old variable at compile time. Calling a method on a value borrows
 * it. Crossing a domain boundary moves it too.
 *
 * <p>The annotation is retained at run time so that the domain proxy generator and the
 * confinement validator can recognise linear types in compiled code.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Linear {}
