package dev.custody.netfn.pipeline;

import dev.custody.domains.Domain;
import dev.custody.domains.DomainFailedException;
import dev.custody.domains.FailurePolicy;
import dev.custody.domains.RRef;
import java.util.function.Supplier;

/**
 * Puts a network function in its own protection domain. The function is built inside the domain
 * by {@code factory}, wrapped in an {@link NfStage} and exported as a recoverable {@code
 * RRef<Stage>}: after a failure the domain's table is cleared and the factory builds a fresh
 * function, so the same reference works again. Thread-safe.
 */
public final class DomainStages {
  private DomainStages() {}

  /** A stage in a new domain named {@code name}, with the default failure policy. */
  public static DomainStageCall inOwnDomain(String name, Supplier<? extends NetFunction> factory) {
    return inOwnDomain(name, FailurePolicy.unlimited(), factory);
  }

  /** A stage in a new domain named {@code name} with the given failure policy. */
  public static DomainStageCall inOwnDomain(String name, FailurePolicy policy,
      Supplier<? extends NetFunction> factory) {
    Domain d = Domain.builder(name).failurePolicy(policy).build();
    RRef<Stage> ref;
    try {
      ref = d.execute(() -> RRef.<Stage>recoverable(() -> new NfStage(factory.get())));
    } catch (DomainFailedException e) {
      throw new IllegalStateException("could not build stage '" + name + "' in its domain: " + e.getMessage(), e);
    }
    return new DomainStageCall(name, d, StageProxy.of(ref));
  }
}
