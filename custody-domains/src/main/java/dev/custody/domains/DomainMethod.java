package dev.custody.domains;

import java.util.Objects;

/**
 * Names a method of a {@link DomainInterface} for guards and error messages. Generated proxies
 * hold one constant per method, so a call allocates none. Immutable and thread-safe.
 *
 * @param iface the domain interface that declares the method
 * @param name the method's simple name
 */
public record DomainMethod(Class<?> iface, String name) {
  /** Used for code run by {@link Domain#execute}. */
  public static final DomainMethod EXECUTE = new DomainMethod(Domain.class, "execute");

  public DomainMethod {
    Objects.requireNonNull(iface, "iface");
    Objects.requireNonNull(name, "name");
  }

  /** The method {@code name} of {@code iface}. */
  public static DomainMethod of(Class<?> iface, String name) {
    return new DomainMethod(iface, name);
  }

  @Override
  public String toString() {
    return iface.getSimpleName() + "." + name;
  }
}
