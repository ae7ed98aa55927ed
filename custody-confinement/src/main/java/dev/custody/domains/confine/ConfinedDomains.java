package dev.custody.domains.confine;

import dev.custody.domains.FailurePolicy;
import dev.custody.domains.confine.ConfinedClassLoader.ValidationCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Creates confined domains: code from a jar or class directory, validated, and loaded by a class
 * loader of its own.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfinedDomains {
  private ConfinedDomains() {}

  /**
   * Loads a confined domain from a jar or class directory. Every class is validated against
   * {@code policy} first; if any class breaks it, nothing is defined and the domain is not
   * created. Then a fresh {@link ConfinedClassLoader} defines the classes, and {@code entryClass}
   * is instantiated inside the domain through, in order of preference, a public static {@code
   * create(Capabilities)}, a public constructor taking {@link Capabilities}, a public static
   * {@code create()} or a public no-arg constructor.
   *
   * @param iface the domain interface; its package becomes visible to the domain
   * @throws UnreadableClassException if the jar or directory, or one of its class files, cannot be
   *     read or parsed
   * @throws ConfinementException listing every violation if the code breaks the policy
   * @throws ConfinedDomainException if the entry object cannot be created
   */
  public static <T> ConfinedDomain<T> load(String name, Path jarOrDir, Class<T> iface,
      String entryClass, ConfinementPolicy policy) throws UnreadableClassException {
    return load(name, ClassSource.open(jarOrDir), iface, entryClass, policy);
  }

  /** As {@link #load(String, Path, Class, String, ConfinementPolicy)}, from classes in memory. */
  public static <T> ConfinedDomain<T> load(String name, ClassSource source, Class<T> iface,
      String entryClass, ConfinementPolicy policy) throws UnreadableClassException {
    return load(name, source, iface, entryClass, policy, FailurePolicy.DEFAULT);
  }

  /**
   * As {@link #load(String, Path, Class, String, ConfinementPolicy)}, from classes in memory, with
   * the domain's {@link FailurePolicy} (how many failures in a window make it dead).
   */
  public static <T> ConfinedDomain<T> load(String name, ClassSource source, Class<T> iface,
      String entryClass, ConfinementPolicy policy, FailurePolicy failurePolicy)
      throws UnreadableClassException {
    Objects.requireNonNull(failurePolicy, "failurePolicy");
    ConfinedDomain.requireName(name);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(iface, "iface");
    Objects.requireNonNull(entryClass, "entryClass");
    Objects.requireNonNull(policy, "policy");
    if (!iface.isInterface()) {
      throw new IllegalArgumentException(iface.getName() + " is not an interface");
    }
    List<ClassSource> libraries = new ArrayList<>();
    for (Path lib : policy.libraries()) {
      libraries.add(ClassSource.open(lib));
    }
    Predicate<String> visible = hostVisibility(policy, Set.of(iface.getPackageName()));
    ValidationCache cache =
        new ValidationCache(source, new BytecodeValidator(policy), visible);
    List<Violation> violations;
    try {
      violations = cache.all();
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof UnreadableClassException u) {
        throw u;
      }
      throw e;
    }
    if (!violations.isEmpty()) {
      throw new ConfinementException(name, violations);
    }
    return new ConfinedDomain<>(name, iface, entryClass, source, libraries, cache, visible,
        policy, failurePolicy);
  }

  /**
   * Validates a jar or class directory against {@code policy} without loading anything. The
   * classes see the Custody API and the policy's visible packages.
   *
   * @return every violation; empty when accepted
   * @throws UnreadableClassException if the input cannot be read or a class file is malformed
   */
  public static List<Violation> validate(Path jarOrDir, ConfinementPolicy policy)
      throws UnreadableClassException {
    ClassSource source = ClassSource.open(jarOrDir);
    return new BytecodeValidator(policy).validate(source, hostVisibility(policy, Set.of()));
  }

  /** Which host classes (binary names) a domain may see, besides the JDK and its own classes. */
  static Predicate<String> hostVisibility(ConfinementPolicy policy, Set<String> ifacePackages) {
    Set<String> packages = Set.copyOf(ifacePackages);
    Set<String> extra = policy.visiblePackages();
    return n -> {
      String pkg = ConfinementPolicy.packageOf(n);
      return ConfinementPolicy.isCustodyApi(n) || packages.contains(pkg) || extra.contains(pkg);
    };
  }

  /** The loader host-visible classes come from: the interface's loader sees them all. */
  static ClassLoader hostLoaderFor(Class<?> iface) {
    ClassLoader l = iface.getClassLoader();
    return l != null ? l : ConfinedDomains.class.getClassLoader();
  }
}
