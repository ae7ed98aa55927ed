package dev.custody.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.custody.MovedValueException;
import dev.custody.Owned;
import dev.custody.domains.fixtures.Token;
import dev.custody.domains.fixtures.TokenPool;
import dev.custody.domains.fixtures.TestVault;
import dev.custody.domains.fixtures.Vault;
import dev.custody.domains.fixtures.VaultProxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OwnedTransferTest {
  private final TokenPool pool = new TokenPool();

  private Vault vault(Domain d) throws DomainFailedException {
    return new VaultProxy(d.execute(() -> RRef.<Vault>of(new TestVault(new AtomicInteger()))));
  }

  @Test
  void ownedArgumentIsMovedAcrossTheBoundary() throws Exception {
    Vault v = vault(Domain.create("mover"));
    Owned<Token> mine = Owned.of(pool.acquire());

    assertThat(v.arrivedLive(mine)).isTrue();

    assertThat(mine.isLive()).isFalse();
    assertThatThrownBy(mine::get).isInstanceOf(MovedValueException.class).hasMessageContaining("moved");
    // A dead handle cannot be sent again: the caller's bug, reported before entering the domain.
    assertThatThrownBy(() -> v.arrivedLive(mine)).isInstanceOf(MovedValueException.class);
    assertThat(pool.outstanding()).isZero();
  }

  @Test
  void revokedCallDoesNotTakeTheArgument() throws Exception {
    Domain d = Domain.create("revoked-vault");
    RRef<Vault> ref = d.execute(() -> RRef.<Vault>of(new TestVault(new AtomicInteger())));
    ref.revoke();
    Owned<Token> mine = Owned.of(pool.acquire());
    assertThat(catchThrowableOfType(RevokedException.class, () -> new VaultProxy(ref).keep(mine))).isNotNull();
    assertThat(mine.isLive()).isTrue();
    mine.take().close();
  }

  @Test
  void failureReleasesMovedArgumentsAndOwnedResources() throws Exception {
    Domain d = Domain.builder("releasing")
        .recovery(ctx -> {
          for (RRef<?> r : ctx.pendingRefs()) {
            @SuppressWarnings("unchecked")
            RRef<Vault> v = (RRef<Vault>) r;
            ctx.rebind(v, new TestVault(new AtomicInteger()));
          }
        })
        .build();
    Vault v = vault(d);
    v.keep(Owned.of(pool.acquire()));
    v.keep(Owned.of(pool.acquire()));
    Token direct = d.own(pool.acquire());
    assertThat(pool.outstanding()).isEqualTo(3);
    assertThat(d.ownedCount()).isEqualTo(3);

    Owned<Token> sent = Owned.of(pool.acquire());
    DomainFailedException e = catchThrowableOfType(DomainFailedException.class, () -> v.process(sent, true));

    assertThat(e.recovered()).isTrue();
    assertThat(sent.isLive()).isFalse();
    assertThat(direct.isClosed()).isTrue();
    assertThat(pool.outstanding()).isZero();
    assertThat(d.ownedCount()).isZero();
    assertThat(v.kept()).isZero();
  }

  @Test
  void failureReleasesLiveMovedArgumentsTheCalleeNeverRegistered() throws Exception {
    Domain d = Domain.builder("holder").build();
    Vault v = new VaultProxy(d.execute(() -> RRef.<Vault>recoverable(() -> new TestVault(new AtomicInteger()))));
    Token token = pool.acquire();
    Owned<Token> sent = Owned.of(token);
    catchThrowableOfType(DomainFailedException.class, () -> v.failHolding(sent));
    assertThat(token.isClosed()).isTrue();
    assertThat(pool.outstanding()).isZero();
  }

  @Test
  void ownedReturnValueComesBack() throws Exception {
    Vault v = vault(Domain.create("returner"));
    Owned<Token> back = v.process(Owned.of(pool.acquire()), false);
    assertThat(back.isLive()).isTrue();
    back.take().close();
    assertThat(pool.outstanding()).isZero();
  }
}
