package dev.benchdeck.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class BoundedPasswordEncoderTest {

    /** Matches every password, each check holding its slot until {@code release} opens. */
    private static final class SlowEncoder implements PasswordEncoder {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String encode(CharSequence rawPassword) {
            return "hash";
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            entered.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aCheckBeyondTheCapWaitsThenIsRefusedWith503AndRetryAfterAndTheSlotComesBack() throws Exception {
        SlowEncoder slow = new SlowEncoder();
        BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(slow, 1, Duration.ofMillis(100));
        Thread first = Thread.ofVirtual().start(() -> bounded.matches("pw", "hash"));
        assertThat(slow.entered.await(5, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        assertThatThrownBy(() -> bounded.matches("pw", "hash")).isInstanceOfSatisfying(ApiRefusal.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(503);
            assertThat(refusal.retryAfterSeconds()).isEqualTo(1);
            assertThat(refusal.getMessage()).doesNotContain("pw");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("it waited for a slot first").isGreaterThanOrEqualTo(Duration.ofMillis(90));
        assertThatThrownBy(() -> bounded.encode("pw")).isInstanceOf(ApiRefusal.class);

        slow.release.countDown();
        first.join(5_000);
        assertThat(bounded.matches("pw", "hash")).as("the slot is free again").isTrue();
        assertThat(bounded.encode("pw")).isEqualTo("hash");
    }

    @Test
    void aFailingHashGivesItsSlotBack() {
        PasswordEncoder failing = new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                throw new IllegalStateException("broken");
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                throw new IllegalStateException("broken");
            }
        };
        BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(failing, 1, Duration.ZERO);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> bounded.matches("pw", "hash")).isInstanceOf(IllegalStateException.class);
        }
    }
}
