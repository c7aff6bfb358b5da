package dev.benchdeck.server.user;

import dev.benchdeck.server.security.ApiRefusal;
import dev.benchdeck.server.security.SecurityProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Limits sign-in attempts: per address a Bucket4j bucket (attempts per minute, failed or not), and per
 * account and per address a growing back-off after a few failures (the wait doubles with each further
 * failure, up to a maximum). A success clears the account's failures. The same for unknown usernames, so
 * that the limits tell nothing about which accounts exist.
 */
@Component
class SignInThrottle {

    private static final int MAX_ENTRIES = 100_000;

    private final SecurityProperties.SignIn limits;
    private final Clock clock;
    private final Map<String, Bucket> addressBuckets = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Bandwidth perAddress;

    SignInThrottle(SecurityProperties properties) {
        this.limits = properties.signIn();
        this.clock = Clock.systemUTC();
        this.perAddress = Bandwidth.builder().capacity(limits.attemptsPerAddressPerMinute())
                .refillGreedy(limits.attemptsPerAddressPerMinute(), java.time.Duration.ofMinutes(1)).build();
    }

    private record Failures(int count, long blockedUntilMillis) {
    }

    /** Refuses (429 with Retry-After) while either the account or the address is waiting out a back-off. */
    void check(String username, String address) {
        if (addressBuckets.size() > MAX_ENTRIES) {
            addressBuckets.clear();
        }
        long now = clock.millis();
        long wait = Math.max(waitMillis(accountKey(username), now), waitMillis(addressKey(address), now));
        if (wait > 0) {
            throw ApiRefusal.tooManyRequests(seconds(wait));
        }
        ConsumptionProbe probe = addressBuckets.computeIfAbsent(address, a -> Bucket.builder().addLimit(perAddress).build())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw ApiRefusal.tooManyRequests(seconds(TimeUnit.NANOSECONDS.toMillis(probe.getNanosToWaitForRefill())));
        }
    }

    void failed(String username, String address) {
        if (failures.size() > MAX_ENTRIES) {
            failures.clear();
        }
        long now = clock.millis();
        failures.compute(accountKey(username), (k, old) -> next(old, now, limits.freeFailures()));
        failures.compute(addressKey(address), (k, old) -> next(old, now, limits.addressFreeFailures()));
    }

    void succeeded(String username) {
        failures.remove(accountKey(username));
    }

    private Failures next(Failures old, long now, int free) {
        int count = old == null ? 1 : old.count() + 1;
        int over = count - free;
        if (over <= 0) {
            return new Failures(count, 0);
        }
        long backoff = Math.min(limits.maxBackoff().toMillis(), limits.firstBackoff().toMillis() << Math.min(over - 1, 30));
        return new Failures(count, now + backoff);
    }

    private long waitMillis(String key, long now) {
        Failures f = failures.get(key);
        return f == null ? 0 : Math.max(0, f.blockedUntilMillis() - now);
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    private static String accountKey(String username) {
        return "user:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
