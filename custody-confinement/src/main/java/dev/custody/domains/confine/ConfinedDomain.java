package dev.custody.domains.confine;

import dev.custody.domains.Domain;
import dev.custody.domains.DomainFailedException;
import dev.custody.domains.FailurePolicy;
import dev.custody.domains.RRef;
import dev.custody.domains.RecoveryContext;
import dev.custody.domains.confine.ConfinedClassLoader.ValidationCache;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A {@link Domain} whose code was loaded from a jar or class directory by its own {@link
 * ConfinedClassLoader} and validated against a {@link ConfinementPolicy}. Created by {@link
 * ConfinedDomains#load}.
 *
 * <p>The domain's entry object implements the declared interface {@code T}, which the host
 * loaded. It is exported as an {@link RRef} ({@link #ref()}); clients call it through the
 * interface's generated proxy ({@link #proxy()}), exactly as they call a plain domain: a confined
 * domain adds nothing to the call path.
 *
 * <p><b>Recovery.</b> When a call fails (any {@link Throwable} escaping domain code), the domains
 * runtime clears the table and runs this domain's recovery function, which drops the class loader
 * and every object of the failed generation, defines the (already validated) classes again in a
 * fresh loader, creates a new entry object inside the domain and rebinds the existing slot to it:
 * static state starts clean and the {@code RRef}s and proxies clients hold keep working. Nothing
 * keeps an old generation reachable (apart from the last failure's stack trace, held by {@link
 * Domain#lastFailure()} until the next failure), so old classes are unloaded. {@link #recover()}
 * forces the same thing.
 *
 * <p>Thread-safe.
 *
 * @param <T> the domain interface
 */
public final class ConfinedDomain<T> {
  private final String name;
  private final Class<T> iface;
  private final String entryClass;
  private final ClassSource source;
  private final List<ClassSource> libraries;
  private final ValidationCache validation;
  private final Predicate<String> hostVisible;
  private final ConfinementPolicy policy;
  private final Domain domain;
  private final RRef<T> ref;
  private volatile Generation<T> current;
  private volatile T proxy;
  private volatile boolean started;
  private long generations;

  /** One class loader and the entry object created by it. */
  private record Generation<T>(ConfinedClassLoader loader, T entry) {}

  /** Thrown inside the domain by {@link #recover()} to make the runtime recover it. */
  private static final class RestartRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RestartRequest() {
      super("restart requested by the host", null, false, false);
    }
  }

  ConfinedDomain(String name, Class<T> iface, String entryClass, ClassSource source,
      List<ClassSource> libraries, ValidationCache validation, Predicate<String> hostVisible,
      ConfinementPolicy policy, FailurePolicy failurePolicy) {
    this.name = name;
    this.iface = iface;
    this.entryClass = entryClass;
    this.source = source;
    this.libraries = libraries;
    this.validation = validation;
    this.hostVisible = hostVisible;
    this.policy = policy;
    this.domain = Domain.builder(name).failurePolicy(failurePolicy).recovery(this::recover)
        .build();
    try {
      this.ref = domain.execute(() -> {
        Generation<T> g = newGeneration();
        current = g;
        return RRef.of(iface, g.entry());
      });
    } catch (DomainFailedException e) {
      domain.shutdown();
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw new ConfinedDomainException("domain '" + name + "' failed to start: " + c, c);
    }
    generations = 1;
    started = true;
  }

  /** The recovery function: a fresh class loader and entry object, rebound into the slot. */
  private void recover(RecoveryContext ctx) {
    if (!started) {
      throw new IllegalStateException("domain '" + name + "' failed while starting");
    }
    current = null; // drop the failed generation before building the next
    Generation<T> g = newGeneration();
    for (RRef<?> r : ctx.pendingRefs()) {
      if (r.equals(ref)) {
        ctx.rebind(ref, g.entry());
      }
    }
    current = g;
    synchronized (this) {
      generations++;
    }
  }

  /** The domain's name. */
  public String name() {
    return name;
  }

  /** The domain of the domains runtime this confined domain runs as. */
  public Domain domain() {
    return domain;
  }

  /** The reference to the entry object; survives recovery. */
  public RRef<T> ref() {
    return ref;
  }

  /**
   * The entry object behind the generated proxy of {@code T} ({@code <T>Proxy}, from
   * {@code @DomainInterface}): the way clients should call the domain.
   *
   * @throws IllegalStateException if {@code T} has no generated proxy
   */
  public T proxy() {
    T p = proxy;
    if (p == null) {
      p = newProxy(iface, ref);
      proxy = p;
    }
    return p;
  }

  /** The generated proxy of {@code iface} over {@code ref}. */
  static <T> T newProxy(Class<T> iface, RRef<T> ref) {
    String simple = iface.getName().substring(iface.getPackageName().length()
        + (iface.getPackageName().isEmpty() ? 0 : 1)).replace('$', '_');
    String proxyName = (iface.getPackageName().isEmpty() ? "" : iface.getPackageName() + ".")
        + simple + "Proxy";
    try {
      Class<?> pc = Class.forName(proxyName, true, iface.getClassLoader());
      MethodHandle ctor = MethodHandles.publicLookup().findConstructor(pc,
          MethodType.methodType(void.class, RRef.class));
      return iface.cast(ctor.invoke(ref));
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(iface.getName() + " has no generated proxy " + proxyName
          + "; annotate it with @DomainInterface", e);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot create proxy " + proxyName + ": " + e, e);
    }
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
   * The raw entry object of the current generation, <b>bypassing the domain boundary</b> (no
   * failure containment, no revocation, no guards). For tests and benchmarks; clients use {@link
   * #proxy()}.
   *
   * @throws IllegalStateException if the domain is failed, recovering or shut down
   */
  public T entry() {
    Generation<T> g = current;
    if (g == null) {
      throw new IllegalStateException("confined domain '" + name + "' has no live generation ("
          + domain.state() + ")");
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
   * Makes the domain fail and recover now: the runtime clears its table, and the recovery function
   * loads a fresh generation of classes and rebinds the entry slot. Counts as a failure for the
   * domain's {@link FailurePolicy}.
   *
   * @return the new raw entry object (see {@link #entry()})
   * @throws ConfinedDomainException if recovery failed (the domain is then dead)
   */
  public T recover() {
    try {
      domain.execute(() -> {
        throw new RestartRequest();
      });
    } catch (DomainFailedException e) {
      if (!e.recovered()) {
        throw new ConfinedDomainException("confined domain '" + name + "' did not recover: "
            + e.getMessage(), e);
      }
      return entry();
    }
    throw new AssertionError("unreachable: the restart request always fails the call");
  }

  /** Shuts the domain down: references are revoked and the class loader dropped. */
  public void shutdown() {
    domain.shutdown();
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

  /** Scans instead of getMethod, which throws (and fills a stack trace) for every miss. */
  private static Method publicStatic(Class<?> c, String name, Class<?>... params) {
    for (Method m : c.getMethods()) {
      if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers())
          && m.getDeclaringClass() == c && java.util.Arrays.equals(m.getParameterTypes(), params)) {
        return m;
      }
    }
    return null;
  }

  private static boolean hasPublicConstructor(Class<?> c, Class<?>... params) {
    for (java.lang.reflect.Constructor<?> k : c.getConstructors()) {
      if (java.util.Arrays.equals(k.getParameterTypes(), params)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "ConfinedDomain[" + name + ", " + iface.getName() + " from " + source.origin() + ", "
        + domain.state() + "]";
  }

  static void requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("domain name is blank");
    }
  }
}
