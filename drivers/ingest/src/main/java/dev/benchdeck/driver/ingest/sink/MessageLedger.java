package dev.benchdeck.driver.ingest.sink;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the driver knows of each message, by its sequence: when its publish began, whether the entry confirmed it,
 * when the sink watcher first saw it and the sink's own timestamp for it. Sessions write sends and confirmations,
 * the one watcher thread writes sightings. Times are stored relative to an origin plus one, so 0 means "not yet".
 * Storage grows in chunks of 65,536 messages (about 28 bytes a message).
 */
public final class MessageLedger {

    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    static final int CONFIRMED = 1;
    static final int SEEN = 2;
    static final int FAILED = 4;
    /** Confirmed, never seen, and its step is over: no longer waited for. */
    static final int WRITTEN_OFF = 8;

    private final long origin;
    private final ConcurrentHashMap<Long, Chunk> chunks = new ConcurrentHashMap<>();
    /** One more than the highest sequence whose publish began. */
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong seen = new AtomicLong();
    /** Confirmed and not yet seen (nor written off): what the pipeline still holds. */
    private final AtomicLong pending = new AtomicLong();

    private record Chunk(AtomicLongArray sent, AtomicLongArray seenAt, AtomicLongArray stampLagMicros,
                         AtomicIntegerArray state) {
        Chunk() {
            this(new AtomicLongArray(CHUNK), new AtomicLongArray(CHUNK), new AtomicLongArray(CHUNK),
                    new AtomicIntegerArray(CHUNK));
        }
    }

    public MessageLedger(long originNanos) {
        this.origin = originNanos - 1;
    }

    private Chunk chunk(long seq) {
        return chunks.computeIfAbsent(seq >>> CHUNK_BITS, k -> new Chunk());
    }

    private Chunk existing(long seq) {
        return chunks.get(seq >>> CHUNK_BITS);
    }

    private static int slot(long seq) {
        return (int) (seq & (CHUNK - 1));
    }

    /** A publish of {@code seq} begins at {@code nanos}. */
    public void sending(long seq, long nanos) {
        chunk(seq).sent().set(slot(seq), nanos - origin);
        issued.accumulateAndGet(seq + 1, Math::max);
    }

    /** The entry confirmed {@code seq} (a 202, an XADD reply). */
    public void confirmed(long seq) {
        int before = chunk(seq).state().getAndUpdate(slot(seq), s -> s | CONFIRMED);
        if ((before & CONFIRMED) == 0) {
            confirmed.incrementAndGet();
            if ((before & SEEN) == 0) {
                pending.incrementAndGet();
            }
        }
    }

    /** The publish of {@code seq} failed: it is not counted as sent, nor waited for. */
    public void failed(long seq) {
        chunk(seq).state().getAndUpdate(slot(seq), s -> s | FAILED);
    }

    /**
     * The watcher saw {@code seq} in the sink at {@code nanos}; {@code stampLagMicros} is the sink's timestamp minus
     * the send time (wall clock). Only the first sighting counts; true if this was it.
     */
    public boolean seen(long seq, long nanos, long stampLagMicros) {
        Chunk c = chunk(seq);
        int i = slot(seq);
        int before = c.state().getAndUpdate(i, s -> s | SEEN);
        if ((before & SEEN) != 0) {
            return false;
        }
        c.seenAt().set(i, nanos - origin);
        c.stampLagMicros().set(i, stampLagMicros);
        seen.incrementAndGet();
        if ((before & CONFIRMED) != 0 && (before & WRITTEN_OFF) == 0) {
            pending.decrementAndGet();
        }
        return true;
    }

    /** Stops waiting for {@code seq} (its step is over): it no longer counts in the backlog. */
    public void writeOff(long seq) {
        Chunk c = existing(seq);
        if (c == null) {
            return;
        }
        int before = c.state().getAndUpdate(slot(seq), s -> (s & CONFIRMED) != 0 && (s & SEEN) == 0 ? s | WRITTEN_OFF : s);
        if ((before & CONFIRMED) != 0 && (before & (SEEN | WRITTEN_OFF)) == 0) {
            pending.decrementAndGet();
        }
    }

    public boolean isSeen(long seq) {
        Chunk c = existing(seq);
        return c != null && (c.state().get(slot(seq)) & SEEN) != 0;
    }

    /** Neither seen nor failed: worth looking for in the sink. */
    public boolean awaited(long seq) {
        Chunk c = existing(seq);
        return c != null && (c.state().get(slot(seq)) & (SEEN | FAILED | WRITTEN_OFF)) == 0;
    }

    public boolean isConfirmed(long seq) {
        Chunk c = existing(seq);
        return c != null && (c.state().get(slot(seq)) & CONFIRMED) != 0;
    }

    /** When the publish of {@code seq} began ({@code nanoTime}), or {@code Long.MIN_VALUE} if it did not. */
    public long sentAt(long seq) {
        Chunk c = existing(seq);
        long v = c == null ? 0 : c.sent().get(slot(seq));
        return v == 0 ? Long.MIN_VALUE : v + origin;
    }

    /** When the watcher first saw {@code seq}, or {@code Long.MIN_VALUE}. */
    public long seenAt(long seq) {
        Chunk c = existing(seq);
        long v = c == null ? 0 : c.seenAt().get(slot(seq));
        return v == 0 ? Long.MIN_VALUE : v + origin;
    }

    public long stampLagMicros(long seq) {
        Chunk c = existing(seq);
        return c == null ? 0 : c.stampLagMicros().get(slot(seq));
    }

    public long issued() {
        return issued.get();
    }

    public long confirmedCount() {
        return confirmed.get();
    }

    public long seenCount() {
        return seen.get();
    }

    public long pending() {
        return pending.get();
    }
}
