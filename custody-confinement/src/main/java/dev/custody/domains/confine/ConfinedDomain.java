package dev.custody.domains.confine;

import dev.custody.domains.confine.ConfinedClassLoader.ValidationCache;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A domain whose code was loaded from a jar or class directory by its own {@link
 * ConfinedClassLoader} and validated against a {@link ConfinementPolicy}. Created by {@link
 * ConfinedDomains#load}.
 *
 * <p>The domain's entry object implements the declared interface {@code T}, which the host loaded,
 * so calls into it are plain interface calls: no reflection, no copying, the same call path as any
 * other object of that interface. {@link #recover()} drops the class loader and every object and
 * class of the current generation, loads the classes again (already validated, from memory) and
 * creates a fresh entry object, so the domain's static state starts clean; nothing keeps the old
 * generation reachable, so its classes are unloaded by the next collections.
 *
 * <p>Thread-safe: {@link #entry()} is a volatile read; {@link #recover()} and {@link #close()}
 * are serialised. A caller that holds on to an old entry object keeps the old generation alive
 * and keeps talking to it; hold the domain (or its remote reference) instead.
 *
 * @param <T> the domain interface
 */
public final class ConfinedDomain<T> implements AutoCloseable {
  private final String name;
  private final Class<T> iface;
  private final String entryClass;
  private final ClassSource source;
  private final List<ClassSource> libraries;
  private final ValidationCache validation;
  private final Predicate<String> hostVisible;
  private final ConfinementPolicy policy;
  private volatile Generation<T> current;
  private volatile boolean closed;
  private long generations;

  /** One class loader and the entry object created by it. */
  private record Generation<T>(ConfinedClassLoader loader, T entry) {}

  ConfinedDomain(String name, Class<T> iface, String entryClass, ClassSource source,
      List<ClassSource> libraries, ValidationCache validation, Predicate<String> hostVisible,
      ConfinementPolicy policy) {
    this.name = name;
    this.iface = iface;
    this.entryClass = entryClass;
    this.source = source;
    this.libraries = libraries;
    this.validation = validation;
    this.hostVisible = hostVisible;
    this.policy = policy;
    this.current = newGeneration();
    this.generations = 1;
  }

  /** The domain's name. */
  public String name() {
    return name;
  }

  /** The declared domain interface. */
  public Class<T> iface() {
    return iface;
  }

  /** The policy the domain's code was validated against. */
  public ConfinementPolicy policy() {
    return policy;
  }

  /** Where the domain's code came from. */
  public String origin() {
    return source.origin();
  }

  /**
   * The entry object of the current generation.
   *
   * @throws IllegalStateException if the domain was closed
   */
  public T entry() {
    Generation<T> g = current;
    if (g == null) {
      throw new IllegalStateException("confined domain '" + name + "' is closed");
    }
    return g.entry();
  }

  /** How many class loaders this domain has had (1 + number of recoveries). */
  public synchronized long generation() {
    return generations;
  }

  /** Whether {@code c} was defined by this domain's current class loader. */
  public boolean owns(Class<?> c) {
    Generation<T> g = current;
    return g != null && c.getClassLoader() == g.loader();
  }

  /**
   * Drops the class loader and entry object and loads a fresh generation: the domain's classes
   * are defined again and their static initialisers run again.
   *
   * @return the new entry object
   * @throws IllegalStateException if the domain was closed
   * @throws ConfinedDomainException if the entry object cannot be created again
   */
  public synchronized T recover() {
    if (closed) {
      throw new IllegalStateException("confined domain '" + name + "' is closed");
    }
    current = null; // drop the old generation before building the new one
    Generation<T> g = newGeneration();
    current = g;
    generations++;
    return g.entry();
  }

  /** Drops the class loader and entry object; the domain cannot be used afterwards. */
  @Override
  public synchronized void close() {
    closed = true;
    current = null;
  }

  private Generation<T> newGeneration() {
    ConfinedClassLoader loader = new ConfinedClassLoader(name, source, libraries, validation,
        hostVisible, ConfinedDomains.hostLoaderFor(iface));
    return new Generation<>(loader, instantiate(loader));
  }

  private T instantiate(ConfinedClassLoader loader) {
    Class<?> c;
    try {
      c = Class.forName(entryClass, false, loader);
    } catch (ClassNotFoundException e) {
      throw new ConfinedDomainException("domain '" + name + "': entry class " + entryClass
          + " not found in " + source.origin(), e);
    }
    if (c.getClassLoader() != loader) {
      throw new ConfinedDomainException("domain '" + name + "': entry class " + entryClass
          + " is not one of the domain's own classes");
    }
    if (!iface.isAssignableFrom(c)) {
      throw new ConfinedDomainException("domain '" + name + "': entry class " + entryClass
          + " does not implement " + iface.getName());
    }
    if (!Modifier.isPublic(c.getModifiers())) {
      throw new ConfinedDomainException("domain '" + name + "': entry class " + entryClass
          + " is not public");
    }
    Capabilities caps = Capabilities.of(policy.capabilities());
    List<String> tried = new ArrayList<>();
    try {
      Object o = null;
      Method factory = publicStatic(c, "create", Capabilities.class);
      tried.add("public static create(Capabilities)");
      if (factory != null) {
        o = factory.invoke(null, caps);
      }
      tried.add("public " + c.getSimpleName() + "(Capabilities)");
      if (o == null && hasPublicConstructor(c, Capabilities.class)) {
        o = c.getConstructor(Capabilities.class).newInstance(caps);
      }
      tried.add("public static create()");
      if (o == null && (factory = publicStatic(c, "create")) != null) {
        o = factory.invoke(null);
      }
      tried.add("public " + c.getSimpleName() + "()");
      if (o == null && hasPublicConstructor(c)) {
        o = c.getConstructor().newInstance();
      }
      if (o == null) {
        throw new ConfinedDomainException("domain '" + name + "': entry class " + entryClass
            + " has none of " + tried);
      }
      return iface.cast(o);
    } catch (InvocationTargetException e) {
      throw new ConfinedDomainException("domain '" + name + "': creating " + entryClass
          + " failed: " + e.getCause(), e.getCause());
    } catch (ExceptionInInitializerError e) {
      throw new ConfinedDomainException("domain '" + name + "': static initialiser of "
          + entryClass + " failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new ConfinedDomainException("domain '" + name + "': cannot create " + entryClass
          + ": " + e, e);
    }
  }

  private static Method publicStatic(Class<?> c, String name, Class<?>... params) {
    try {
      Method m = c.getMethod(name, params);
      return Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == c ? m : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static boolean hasPublicConstructor(Class<?> c, Class<?>... params) {
    try {
      c.getConstructor(params);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "ConfinedDomain[" + name + ", " + iface.getName() + " from " + source.origin() + "]";
  }

  /** Keeps the validation cache reachable only through the domain; see {@link ConfinedDomains}. */
  ValidationCache validation() {
    return validation;
  }

  static void requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("domain name is blank");
    }
  }
}
