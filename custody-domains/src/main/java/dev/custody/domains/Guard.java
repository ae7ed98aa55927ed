package dev.custody.domains;

/**
 * Access control on calls into a domain, the paper's interception of remote invocations in the
 * reference table. A guard sees the calling domain and the method, and answers whether the call
 * may proceed; a refusal reaches the caller as {@link CallRefusedException}.
 *
 * <p>A guard is code of the callee domain: if it throws, that is a failure of the callee domain,
 * contained like any other (the caller gets {@link DomainFailedException} and the domain
 * recovers). Guards run on the calling thread, so they must be thread-safe; they should be cheap,
 * because they run on every call.
 */
@FunctionalInterface
public interface Guard {
  /** True if {@code caller} may call {@code method}. */
  boolean permits(Domain caller, DomainMethod method);
}
