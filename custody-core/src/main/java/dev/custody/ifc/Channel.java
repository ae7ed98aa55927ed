package dev.custody.ifc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a parameter as an output channel that accepts at most the given label: passing a value
 * whose label is higher (or incomparable) is a compile error at the call. Standard outputs
 * ({@code System.out}, loggers, streams, sockets) are {@code public} channels by default.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Channel {
  /** The highest label the channel accepts. */
  String value();
}
