package dev.benchdeck.server.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that hashes at most so many passwords at once, server-wide: each Argon2id hash takes a core
 * for tens of milliseconds, so a sign-in flood spread over many accounts and addresses (which the per-account and
 * per-address limits do not stop) would otherwise take every core and starve the rest of the server. Beyond the
 * cap a hash waits a little, then the request is refused with 503 and {@code Retry-After}.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    static final long RETRY_AFTER_SECONDS = 1;

    private final PasswordEncoder delegate;
    private final Semaphore permits;
    private final long waitNanos;

    BoundedPasswordEncoder(PasswordEncoder delegate, int concurrentHashes, Duration wait) {
        if (concurrentHashes < 1) {
            throw new IllegalArgumentException("concurrent hashes must be at least 1, not " + concurrentHashes);
        }
        this.delegate = delegate;
        this.permits = new Semaphore(concurrentHashes, true);
        this.waitNanos = wait.toNanos();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        acquire();
        try {
            return delegate.encode(rawPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        acquire();
        try {
            return delegate.matches(rawPassword, encodedPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private void acquire() {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiRefusal(503, "Server busy", "the server is checking too many passwords at once; try again in "
                    + RETRY_AFTER_SECONDS + " s", null, RETRY_AFTER_SECONDS);
        }
    }
}
