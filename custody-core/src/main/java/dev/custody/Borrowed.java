package dev.custody;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a parameter that the callee only borrows, like Rust's {@code &T}: the caller keeps the
 * value, and the callee may use it only for the duration of the call. The checker rejects moving,
 * storing or returning a borrowed parameter. Across a domain boundary, a borrowed argument is
 * valid for the call only.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Borrowed {}
