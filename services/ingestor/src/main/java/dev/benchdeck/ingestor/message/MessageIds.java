package dev.benchdeck.ingestor.message;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generated ids: UUIDv7 (RFC 9562), time-ordered so that the primary key index is appended to, not sprayed.
 * Within one millisecond a counter keeps them increasing.
 */
public final class MessageIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong LAST = new AtomicLong();

    private MessageIds() {
    }

    public static String uuidV7() {
        long now = System.currentTimeMillis();
        // 48 bits of milliseconds and 12 bits of sequence, strictly increasing across threads
        long stamp = LAST.updateAndGet(prev -> Math.max(prev + 1, now << 12));
        long high = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0xFFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
