package dev.benchdeck.driver.jdbc.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchdeck.driver.jdbc.config.LakebaseSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LakebaseCredentialsCacheTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private volatile Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Issues token-1, token-2… each living {@code lifetime} from the clock's now (or with no expiry). */
    private static final class CountingSource implements LakebaseTokenSource {
        final AtomicInteger calls = new AtomicInteger();
        final HandClock clock;
        final Duration lifetime;

        CountingSource(HandClock clock, Duration lifetime) {
            this.clock = clock;
            this.lifetime = lifetime;
        }

        @Override
        public IssuedToken issue() {
            int n = calls.incrementAndGet();
            return new IssuedToken("token-" + n, lifetime == null ? null : clock.instant().plus(lifetime));
        }

        @Override
        public String description() {
            return "a counting source";
        }
    }

    private final HandClock clock = new HandClock();

    @Test
    void anHourTokenIsReusedUntilFiveMinutesBeforeItExpires() throws Exception {
        CountingSource source = new CountingSource(clock, Duration.ofHours(1));
        LakebaseCredentials provider = new LakebaseCredentials("u", source, clock);

        assertThat(provider.credential().password()).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(54).plusSeconds(59));
        assertThat(provider.credential().password()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(provider.credential().password()).isEqualTo("token-2");
        assertThat(source.calls).hasValue(2);
        assertThat(provider.credentialLifetime()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aShortLivedTokenIsReplacedATenthOfItsLifeBeforeExpiry() throws Exception {
        CountingSource source = new CountingSource(clock, Duration.ofSeconds(10));
        LakebaseCredentials provider = new LakebaseCredentials("u", source, clock);

        assertThat(provider.credential().password()).isEqualTo("token-1");
        clock.advance(Duration.ofMillis(8_999));
        assertThat(provider.credential().password()).isEqualTo("token-1");
        clock.advance(Duration.ofMillis(1));
        assertThat(provider.credential().password()).isEqualTo("token-2");
    }

    @Test
    void anAnswerWithoutExpiryIsAssumedToLiveAnHour() throws Exception {
        LakebaseCredentials provider = new LakebaseCredentials("u", new CountingSource(clock, null), clock);

        assertThat(provider.credential().expiresAt()).isEqualTo(START.plus(Duration.ofHours(1)));
    }

    @Test
    void invalidatingFetchesAFreshTokenButARefusalOfAnOldOneKeepsTheNewer() throws Exception {
        CountingSource source = new CountingSource(clock, Duration.ofHours(1));
        LakebaseCredentials provider = new LakebaseCredentials("u", source, clock);
        Credential first = provider.credential();

        provider.invalidate(first);
        Credential second = provider.credential();
        provider.invalidate(first); // a slow login with the old token failed after the refresh
        Credential third = provider.credential();
        provider.invalidate();

        assertThat(second.password()).isEqualTo("token-2");
        assertThat(third).isSameAs(second);
        assertThat(provider.credential().password()).isEqualTo("token-3");
    }

    @Test
    void manyThreadsAskingAtOnceCauseOneFetch() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountingSource counting = new CountingSource(clock, Duration.ofHours(1));
        LakebaseTokenSource slow = new LakebaseTokenSource() {
            @Override
            public IssuedToken issue() {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return counting.issue();
            }

            @Override
            public String description() {
                return "a slow source";
            }
        };
        LakebaseCredentials provider = new LakebaseCredentials("u", slow, clock);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Credential>> asks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                asks.add(threads.submit(provider::credential));
            }
            Thread.sleep(50);
            release.countDown();
            for (Future<Credential> ask : asks) {
                assertThat(ask.get().password()).isEqualTo("token-1");
            }
        }
        assertThat(counting.calls).hasValue(1);
    }

    @Test
    void settingsThatCannotWorkAreRefusedWithTheReason() {
        assertThatThrownBy(() -> LakebaseCredentials.connect("u",
                new LakebaseSettings("https://x.cloud.databricks.com", "i", "projects/p/branches/b/endpoints/e", null, "t", null, null)))
                .isInstanceOf(CredentialException.class).hasMessageContaining("exactly one of instance");
        assertThatThrownBy(() -> LakebaseCredentials.connect("u",
                new LakebaseSettings("https://x.cloud.databricks.com", null, null, null, "t", null, null)))
                .isInstanceOf(CredentialException.class).hasMessageContaining("exactly one of instance");
        assertThatThrownBy(() -> LakebaseCredentials.connect(null,
                new LakebaseSettings("https://x.cloud.databricks.com", "i", null, null, "t", null, null)))
                .isInstanceOf(CredentialException.class).hasMessageContaining("Databricks identity");
        assertThatThrownBy(() -> LakebaseCredentials.connect("u",
                new LakebaseSettings("https://x.cloud.databricks.com", "i", null, null, null, "client", null)))
                .isInstanceOf(CredentialException.class).hasMessageContaining("client_secret");
        assertThatThrownBy(() -> LakebaseCredentials.connect("u", new LakebaseSettings(null, "i", null, null, "t", null, null)))
                .isInstanceOf(CredentialException.class).hasMessageContaining("workspace_url");
    }

    @Test
    void secretsAreScrubbedFromMessages() {
        LakebaseSettings settings = new LakebaseSettings("https://x", "i", null, null, "pat-secret", "client", "sp-secret");

        assertThat(LakebaseCredentials.withoutSecrets("token pat-secret and sp-secret refused", settings))
                .isEqualTo("token *** and *** refused");
    }
}
