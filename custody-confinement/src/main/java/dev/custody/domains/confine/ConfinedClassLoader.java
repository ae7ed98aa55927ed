package dev.custody.domains.confine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The class loader of one confined domain (one per domain, and a new one at each recovery).
 *
 * <p>It sees, in this order: the host's classes in the visible packages (Custody's API, the
 * packages of the domain's declared interfaces, extra packages of the policy) — always taken from
 * the host, so a domain cannot shadow them; the domain's own classes; the granted libraries; and
 * the JDK through the platform class loader. Nothing else of the host is reachable, so a domain
 * shares no static state with the host or with another domain.
 *
 * <p>Each of the domain's classes is validated in {@link #findClass} before {@code defineClass};
 * a class with violations is never defined. Results are cached in a {@link ValidationCache}
 * shared by all generations of the domain, since the bytes do not change. Granted libraries are
 * trusted and not validated.
 *
 * <p>Parallel-capable. Holds no static state, registers nothing globally: once the domain drops
 * it, it and its classes can be unloaded.
 */
public final class ConfinedClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final ClassSource source;
  private final List<ClassSource> libraries;
  private final ValidationCache validation;
  private final Predicate<String> hostVisible;
  private final ClassLoader host;

  /**
   * @param domainName used as the loader's name (shows in stack traces)
   * @param hostVisible whether a binary name is a host class the domain may see
   * @param host the loader host-visible classes come from
   */
  ConfinedClassLoader(String domainName, ClassSource source, List<ClassSource> libraries,
      ValidationCache validation, Predicate<String> hostVisible, ClassLoader host) {
    super("confined:" + domainName, ClassLoader.getPlatformClassLoader());
    this.source = Objects.requireNonNull(source);
    this.libraries = List.copyOf(libraries);
    this.validation = Objects.requireNonNull(validation);
    this.hostVisible = Objects.requireNonNull(hostVisible);
    this.host = Objects.requireNonNull(host);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        if (hostVisible.test(name)) {
          c = host.loadClass(name);
        } else if (isDomainClass(name)) {
          c = findClass(name);
        } else {
          // Platform loader: the JDK only. Host internals end here as ClassNotFoundException.
          c = getParent().loadClass(name);
        }
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }

  private boolean isDomainClass(String name) {
    if (source.classBytes(name) != null) {
      return true;
    }
    for (ClassSource lib : libraries) {
      if (lib.classBytes(name) != null) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = source.classBytes(name);
    if (bytes != null) {
      List<Violation> v = validation.violations(name);
      if (!v.isEmpty()) {
        throw new ClassNotFoundException(name + " refused by the confinement policy: " + v);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
    for (ClassSource lib : libraries) {
      bytes = lib.classBytes(name);
      if (bytes != null) {
        return defineClass(name, bytes, 0, bytes.length); // granted library: trusted
      }
    }
    throw new ClassNotFoundException(name + " (not visible in confined domain " + getName()
        + ")");
  }

  /** Resources come from the domain's own jar or directory only. */
  @Override
  public InputStream getResourceAsStream(String name) {
    byte[] r = source.resource(name);
    return r == null ? null : new ByteArrayInputStream(r);
  }

  /** No URLs are handed out: they would open the file system. */
  @Override
  public URL getResource(String name) {
    return null;
  }

  /**
   * Validation results of one {@link ClassSource}, computed at most once per class and shared by
   * every class loader (generation) of a domain. Thread-safe; holds no class loader.
   */
  static final class ValidationCache {
    private final ClassSource source;
    private final BytecodeValidator validator;
    private final Predicate<String> hostVisible;
    private final Map<String, List<Violation>> results = new ConcurrentHashMap<>();

    ValidationCache(ClassSource source, BytecodeValidator validator,
        Predicate<String> hostVisible) {
      this.source = source;
      this.validator = validator;
      this.hostVisible = hostVisible;
    }

    List<Violation> violations(String name) {
      return results.computeIfAbsent(name, n -> {
        try {
          return List.copyOf(validator.validate(n, source.classBytes(n),
              source.classNames()::contains, hostVisible));
        } catch (UnreadableClassException e) {
          throw new IllegalArgumentException(source.origin() + ": " + e.getMessage(), e);
        }
      });
    }

    /** Validates every class; all violations in class order. */
    List<Violation> all() {
      return source.classNames().stream().flatMap(n -> violations(n).stream()).toList();
    }
  }
}
