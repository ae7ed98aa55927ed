/**
 * The single description of what Custody knows about types and about the JDK, shared by every
 * mechanism that needs it: the javac plugin, the proxy and checkpoint processors, and the
 * confinement validator. Nothing here depends on javac, on the ClassFile API's consumers or on
 * any other Custody module; consumers adapt their own representation (a {@code TypeMirror}, a
 * class-file owner name) to the names used here.
 *
 * <ul>
 *   <li>{@code dev.custody.model.jdk}: the JDK surface that confined code may reach (the
 *       allow-list), as data, and the category of every refused route;
 *   <li>{@code dev.custody.model.types}: what a Custody type is (linear, crossable,
 *       checkpointable, immutable JDK value);
 *   <li>{@code dev.custody.model.library}: what library members do (borrow an argument, write
 *       their receiver, are a channel), behind one {@code LibraryModels} interface.
 * </ul>
 *
 * <p>Everything in this module is immutable once loaded and thread-safe.
 */
package dev.custody.model;
