package dev.custody.checkpoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record whose checkpoint and restore code is generated at compile time by
 * {@code dev.custody.checkpoint.processor.CheckpointProcessor}, as {@code Foo_Checkpoint} in the
 * same package (a {@link CheckpointCodec}).
 *
 * <p><b>Field kinds.</b> Every instance field that is not {@code transient} must be one of:
 * a primitive or its box, {@code String}, an enum; an array of a supported kind; a {@code
 * List}/{@code ArrayList}/{@code LinkedList}, {@code Set}/{@code HashSet}/{@code
 * LinkedHashSet}/{@code SortedSet}/{@code NavigableSet}/{@code TreeSet}, or {@code Map}/{@code
 * HashMap}/{@code LinkedHashMap}/{@code SortedMap}/{@code NavigableMap}/{@code TreeMap} of
 * supported kinds; another {@code @Checkpointable} type; or {@code Shared<T>} of any of these.
 * Anything else is a compile error naming the field.
 *
 * <p><b>Reachability rule.</b> The generated code lives in the annotated type's package and uses
 * no reflection, so:
 * <ul>
 *   <li>a record is read through its component accessors and rebuilt through its canonical
 *       constructor, which must not be private;
 *   <li>a class must be {@code final} (a subclass's fields would be lost), top-level or {@code
 *       static} nested, not private, with a non-private no-argument constructor; its fields must
 *       not be private, and a {@code final} field must be a collection, map or checkpointable
 *       class, whose contents the generated code refills in place;
 *   <li>a non-static inner class is rejected (its hidden outer reference cannot be copied).
 * </ul>
 * {@code static} and {@code transient} fields are not copied.
 *
 * <p><b>Aliasing.</b> Only {@link dev.custody.Shared} may alias: any other object reached twice
 * is copied twice, as Rust's ownership rules make impossible to observe. A {@code Shared} reached
 * several times in one checkpoint is copied once, so sharing (and cycles, which must go through
 * a {@code Shared}) survives checkpoint and restore.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Checkpointable {}
