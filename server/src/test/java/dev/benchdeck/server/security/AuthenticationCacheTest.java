package dev.benchdeck.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class AuthenticationCacheTest {

    private final AuthenticationCache cache = new AuthenticationCache();
    private final AtomicInteger loads = new AtomicInteger();

    private static Actor actor(long userId, long tokenId) {
        return new Actor(userId, "user" + userId, Role.EDITOR, tokenId, false, false);
    }

    private Supplier<Optional<AuthenticationCache.CachedToken>> loading(long userId, long tokenId, Instant expires) {
        return () -> {
            loads.incrementAndGet();
            return Optional.of(new AuthenticationCache.CachedToken(actor(userId, tokenId), expires));
        };
    }

    private static byte[] hash(String token) {
        return Secrets.sha256(token);
    }

    @Test
    void aVerifiedTokenIsLoadedOnceAndAnUnknownOneNeverKept() {
        assertThat(cache.token(hash("a"), loading(1, 10, null))).hasValueSatisfying(a -> assertThat(a.tokenId()).isEqualTo(10));
        assertThat(cache.token(hash("a"), loading(1, 10, null))).isPresent();
        assertThat(loads).hasValue(1);
        assertThat(cache.token(hash("unknown"), Optional::empty)).isEmpty();
        assertThat(cache.token(hash("unknown"), loading(2, 20, null))).as("nothing was kept for it").isPresent();
    }

    @Test
    void forgettingATokenOrItsUserDropsOnlyTheirEntries() {
        cache.token(hash("a"), loading(1, 10, null));
        cache.token(hash("b"), loading(1, 11, null));
        cache.token(hash("c"), loading(2, 20, null));
        cache.forgetToken(10);
        cache.token(hash("a"), loading(1, 10, null));
        cache.token(hash("b"), loading(1, 11, null));
        assertThat(loads).as("a again, b still cached").hasValue(4);
        cache.forgetUser(1);
        cache.token(hash("a"), loading(1, 10, null));
        cache.token(hash("b"), loading(1, 11, null));
        cache.token(hash("c"), loading(2, 20, null));
        assertThat(loads).as("a and b again, c still cached").hasValue(6);
    }

    @Test
    void aLookupThatReadTheDatabaseBeforeAChangeDoesNotKeepWhatItRead() {
        // the change (and its forgetting) lands while the lookup is reading: its answer may be the old one
        Supplier<Optional<AuthenticationCache.CachedToken>> racing = () -> {
            loads.incrementAndGet();
            cache.forgetUser(1);
            return Optional.of(new AuthenticationCache.CachedToken(actor(1, 10), null));
        };
        assertThat(cache.token(hash("a"), racing)).isPresent();
        cache.token(hash("a"), loading(1, 10, null));
        assertThat(loads).as("read again").hasValue(2);

        long seen = cache.generation();
        cache.forgetSession("another");
        cache.putSession("s", new AuthenticationCache.CachedSession(actor(1, 0), 0), seen);
        assertThat(cache.session("s")).as("stored after a forgetting it started before").isEmpty();
        cache.putSession("s", new AuthenticationCache.CachedSession(actor(1, 0), 0), cache.generation());
        assertThat(cache.session("s")).isPresent();
        cache.forgetSession("s");
        assertThat(cache.session("s")).isEmpty();
    }

    @Test
    void aCachedTokenPastItsExpiryIsRefused() throws Exception {
        Instant expires = Instant.now().plusMillis(100);
        assertThat(cache.token(hash("a"), loading(1, 10, expires))).isPresent();
        Thread.sleep(150);
        assertThat(cache.token(hash("a"), Optional::empty)).isEmpty();
    }

    @Test
    void withinATransactionEntriesAreForgottenAgainWhenItEnds() {
        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.forgetUser(1);
            // a lookup before the commit still reads the old row, and keeps it
            cache.token(hash("a"), loading(1, 10, null));
            for (TransactionSynchronization sync : TransactionSynchronizationManager.getSynchronizations()) {
                sync.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
            }
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        cache.token(hash("a"), loading(1, 10, null));
        assertThat(loads).as("read again after the commit").hasValue(2);
    }
}
