package dev.custody.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.custody.Owned;
import dev.custody.domains.fixtures.Narrow;
import dev.custody.domains.fixtures.NarrowProxy;
import dev.custody.domains.fixtures.QuotaException;
import dev.custody.domains.fixtures.StageException;
import dev.custody.domains.fixtures.TestNarrow;
import dev.custody.domains.fixtures.TokenPool;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Failure delivery for domain-interface methods that declare only subclasses of {@link
 * CrossDomainException} (see {@link DomainInterface}), with real domains.
 */
class NarrowDeliveryTest {
  private static RRef<Narrow> export(Domain d) throws DomainFailedException {
    return d.execute(() -> RRef.<Narrow>recoverable(TestNarrow::new));
  }

  @Test
  void revocationReachesAFailedOnlyMethodAsFailFastDomainFailedException() throws Exception {
    Domain d = Domain.create("narrow-revoked");
    RRef<Narrow> ref = export(d);
    Narrow n = new NarrowProxy(ref);
    assertThat(n.add(1, 2)).isEqualTo(3);
    ref.revoke();

    DomainFailedException e = catchThrowableOfType(DomainFailedException.class, () -> n.add(1, 2));

    assertThat(e.isFailFast()).isTrue();
    assertThat(e.isDead()).isFalse();
    assertThat(e.recovered()).isFalse();
    assertThat(e.getCause()).isInstanceOf(RevokedException.class).hasMessageContaining("was revoked");
    assertThat(e).hasMessageStartingWith("Narrow.add in domain 'narrow-revoked': RevokedException delivered as"
        + " DomainFailedException (the method declares neither RevokedException nor CrossDomainException): ");
    assertThat(e.domain()).isSameAs(d);
    assertThat(e.method().name()).isEqualTo("add");
    assertThat(d.failureCount()).isZero();
  }

  @Test
  void guardRefusalReachesAFailedOnlyMethodAsFailFastDomainFailedException() throws Exception {
    Domain d = Domain.builder("narrow-guarded").guard((caller, m) -> !m.name().equals("add")).build();
    Narrow n = new NarrowProxy(export(d));

    DomainFailedException e = catchThrowableOfType(DomainFailedException.class, () -> n.add(1, 2));

    assertThat(e.isFailFast()).isTrue();
    assertThat(e.getCause()).isInstanceOf(CallRefusedException.class)
        .hasMessageContaining("refused Narrow.add from domain 'host'");
    assertThat(((CallRefusedException) e.getCause()).caller()).isSameAs(Domain.host());
    assertThat(e).hasMessageContaining("CallRefusedException delivered as DomainFailedException");
    assertThat(d.state()).isEqualTo(Domain.State.RUNNING);
    assertThat(d.failureCount()).isZero();
  }

  @Test
  void calleeFailureReachesAFailedOnlyMethodAsItself() throws Exception {
    Domain d = Domain.create("narrow-fails");
    Narrow n = new NarrowProxy(export(d));

    DomainFailedException e = catchThrowableOfType(DomainFailedException.class, () -> n.failQuotaFirst("runtime"));

    assertThat(e.isFailFast()).isFalse();
    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
    assertThat(e.recovered()).isTrue();
    assertThat(e.getMessage()).doesNotContain("delivered as");
    assertThat(n.add(2, 2)).isEqualTo(4);
  }

  @Test
  void everyFailureReachesAUserSubclassMethodAsThatSubclassWithTheFailureAsCause() throws Exception {
    Domain d = Domain.create("narrow-stage");
    RRef<Narrow> ref = export(d);
    Narrow n = new NarrowProxy(ref);

    StageException failed = catchThrowableOfType(StageException.class, () -> n.failS("runtime"));
    assertThat(failed.getCause()).isInstanceOf(DomainFailedException.class);
    DomainFailedException cause = (DomainFailedException) failed.getCause();
    assertThat(cause.getCause()).isInstanceOf(IllegalStateException.class);
    assertThat(cause.recovered()).isTrue();
    assertThat(failed).hasMessageStartingWith("Narrow.failS in domain 'narrow-stage': DomainFailedException"
        + " delivered as StageException (the method declares neither DomainFailedException nor"
        + " CrossDomainException): ");
    assertThat(failed.getMessage()).contains("injected runtime failure");

    Domain guarded = Domain.builder("narrow-stage-guarded").guard((c, m) -> false).build();
    StageException refused = catchThrowableOfType(StageException.class, () -> new NarrowProxy(export(guarded)).addS(1, 1));
    assertThat(refused.getCause()).isInstanceOf(CallRefusedException.class);

    ref.revoke();
    StageException revoked = catchThrowableOfType(StageException.class, () -> n.addS(1, 1));
    assertThat(revoked.getCause()).isInstanceOf(RevokedException.class);
    assertThat(revoked).hasMessageContaining("RevokedException delivered as StageException");
  }

  @Test
  void declaredExceptionThrownByTheTargetPassesThroughUnchanged() throws Exception {
    Domain d = Domain.create("narrow-pass");
    Narrow n = new NarrowProxy(export(d));

    Throwable stage = catchThrowable(() -> n.failS("stage"));
    assertThat(stage).isExactlyInstanceOf(StageException.class).hasMessage("stage says no").hasNoCause();
    Throwable quota = catchThrowable(() -> n.failQuotaFirst("quota"));
    assertThat(quota).isExactlyInstanceOf(QuotaException.class).hasMessage("over quota").hasNoCause();

    assertThat(d.failureCount()).isZero(); // a declared exception is a result, not a failure
    assertThat(d.state()).isEqualTo(Domain.State.RUNNING);
  }

  @Test
  void severalDeclaredSubclassesDeliverDeclaredKindsAsThemselvesAndConvertIntoTheFirstThatCan() throws Exception {
    Domain d = Domain.create("narrow-several");
    RRef<Narrow> ref = export(d);
    Narrow n = new NarrowProxy(ref);

    // throws StageException, DomainFailedException: a callee failure is declared, so it is itself...
    assertThat(catchThrowable(() -> n.failStageFirst("runtime"))).isExactlyInstanceOf(DomainFailedException.class);
    // throws QuotaException, DomainFailedException: likewise.
    assertThat(catchThrowable(() -> n.failQuotaFirst("error"))).isExactlyInstanceOf(DomainFailedException.class);

    ref.revoke();
    // ...a revocation is not, and goes into the first declared type that can carry it.
    Throwable toStage = catchThrowable(() -> n.failStageFirst("none"));
    assertThat(toStage).isExactlyInstanceOf(StageException.class).hasCauseInstanceOf(RevokedException.class);
    // QuotaException has no (String, Throwable) constructor: DomainFailedException is the target.
    Throwable toFailed = catchThrowable(() -> n.failQuotaFirst("none"));
    assertThat(toFailed).isExactlyInstanceOf(DomainFailedException.class).hasCauseInstanceOf(RevokedException.class);
    assertThat(((DomainFailedException) toFailed).isFailFast()).isTrue();
  }

  @Test
  void revokedOnlyAndRefusedOnlyMethodsCarryOtherFailuresAsCause() throws Exception {
    Domain d = Domain.builder("narrow-single").guard((c, m) -> !m.name().equals("addRevoked")).build();
    RRef<Narrow> ref = export(d);
    Narrow n = new NarrowProxy(ref);

    RevokedException asRevoked = catchThrowableOfType(RevokedException.class, () -> n.addRevoked(1, 1));
    assertThat(asRevoked.getCause()).isInstanceOf(CallRefusedException.class);
    assertThat(asRevoked).hasMessageContaining("CallRefusedException delivered as RevokedException");

    CallRefusedException asRefused = catchThrowableOfType(CallRefusedException.class, () -> n.failRefused("runtime"));
    assertThat(asRefused.getCause()).isInstanceOf(DomainFailedException.class)
        .hasRootCauseInstanceOf(IllegalStateException.class);
    assertThat(asRefused.caller()).isSameAs(Domain.host());
    assertThat(asRefused.domain()).isSameAs(d);

    ref.revoke();
    RevokedException revoked = catchThrowableOfType(RevokedException.class, () -> n.addRevoked(1, 1));
    assertThat(revoked).hasNoCause(); // a declared kind arrives as itself
  }

  @Test
  void deadlineFailureIsDeliveredByTheSameRule() throws Exception {
    Domain d = Domain.create("narrow-deadline");
    RRef<Narrow> ref = export(d);
    Narrow timed = new NarrowProxy(ref.withDeadline(Duration.ofMillis(50)));

    DomainFailedException late = catchThrowableOfType(DomainFailedException.class, () -> timed.sleep(60_000));
    assertThat(late.getCause()).isInstanceOf(DeadlineExceededException.class);
    assertThat(late.isFailFast()).isFalse();

    StageException lateS = catchThrowableOfType(StageException.class, () -> timed.sleepS(60_000, "none"));
    assertThat(lateS.getCause()).isInstanceOf(DomainFailedException.class)
        .hasRootCauseInstanceOf(DeadlineExceededException.class);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();

    // Within the deadline, a declared exception passes through and a return is a return.
    assertThat(catchThrowable(() -> timed.sleepS(0, "stage")))
        .isExactlyInstanceOf(StageException.class).hasMessage("stage says no");
    assertThat(timed.addS(2, 3)).isEqualTo(5);

    ref.revoke();
    StageException revoked = catchThrowableOfType(StageException.class, () -> timed.addS(1, 1));
    assertThat(revoked.getCause()).isInstanceOf(RevokedException.class);
  }

  @Test
  void movedOwnedArgumentIsReleasedBeforeTheConvertedFailureArrives() throws Exception {
    TokenPool pool = new TokenPool();
    Domain d = Domain.create("narrow-owned");
    RRef<Narrow> ref = export(d);
    Narrow n = new NarrowProxy(ref);

    Owned<dev.custody.domains.fixtures.Token> back = n.passS(Owned.of(pool.acquire()), false);
    assertThat(back.isLive()).isTrue();
    back.take().close();
    assertThat(pool.outstanding()).isZero();

    Owned<dev.custody.domains.fixtures.Token> mine = Owned.of(pool.acquire());
    StageException e = catchThrowableOfType(StageException.class, () -> n.passS(mine, true));
    assertThat(e.getCause()).isInstanceOf(DomainFailedException.class);
    assertThat(mine.isLive()).isFalse();
    assertThat(pool.outstanding()).isZero(); // released by the failure, before delivery

    Narrow timed = new NarrowProxy(ref.withDeadline(Duration.ofSeconds(30)));
    Owned<dev.custody.domains.fixtures.Token> again = Owned.of(pool.acquire());
    assertThat(catchThrowableOfType(StageException.class, () -> timed.passS(again, true)).getCause())
        .isInstanceOf(DomainFailedException.class);
    assertThat(pool.outstanding()).isZero();

    ref.revoke();
    Owned<dev.custody.domains.fixtures.Token> kept = Owned.of(pool.acquire());
    assertThat(catchThrowableOfType(StageException.class, () -> n.passS(kept, false)).getCause())
        .isInstanceOf(RevokedException.class);
    assertThat(kept.isLive()).isTrue(); // a revoked call does not take the argument
    kept.take().close();
  }
}
