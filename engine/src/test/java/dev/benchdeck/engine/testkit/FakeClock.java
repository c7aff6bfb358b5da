package dev.benchdeck.engine.testkit;

import dev.benchdeck.engine.time.EngineClock;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock for deterministic tests; time moves only when a fake driver or a test calls
 * {@link #advance}. Sleepers wait for it, and an advance past a sleeper's wake-up time waits until
 * that sleeper has woken and, for the conductor (any thread not named {@code bd-…}), until it has
 * gone back to sleep, so the conductor sees each second go by as it would on a real clock. So that a load that has
 * finished cannot hang a test, a sleeper jumps ahead after a second of real time with no advance.
 * In <em>jumping</em> mode the engine's own load threads ({@code bd-…}: the open model's
 * dispatcher, the closed model's users) move time to their wake-up time at once instead of waiting.
 */
public final class FakeClock implements EngineClock {

    private static final long STALL_MILLIS = 1000;
    private static final long HANDSHAKE_MILLIS = 100;

    private final boolean jumping;
    private final List<Long> sleepers = new ArrayList<>();
    /** Conductor threads woken by time that have not slept again yet. */
    private final java.util.Set<Thread> busy = new java.util.HashSet<>();
    private long now = 1_000_000_000L;
    private long wallMillis = 1_800_000_000_000L;

    private FakeClock(boolean jumping) {
        this.jumping = jumping;
    }

    public static FakeClock stepped() {
        return new FakeClock(false);
    }

    public static FakeClock jumping() {
        return new FakeClock(true);
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized long currentTimeMillis() {
        return wallMillis;
    }

    public synchronized void advance(long nanos) {
        now += nanos;
        wallMillis += nanos / 1_000_000;
        notifyAll();
        long giveUp = System.currentTimeMillis() + HANDSHAKE_MILLIS;
        while ((sleepers.stream().anyMatch(deadline -> deadline <= now) || othersBusy())
                && System.currentTimeMillis() < giveUp) {
            try {
                wait(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Waits (real time, at most {@code maxMillis}) until some thread sleeps on this clock: a driver can
     * call it before its first advance so that the conductor is asleep, and so sees every second, before
     * the load runs ahead of it.
     */
    public synchronized void awaitSleeper(long maxMillis) throws InterruptedException {
        long giveUp = System.currentTimeMillis() + maxMillis;
        while (sleepers.isEmpty() && System.currentTimeMillis() < giveUp) {
            wait(10);
        }
    }

    private boolean othersBusy() {
        return !busy.isEmpty() && !(busy.size() == 1 && busy.contains(Thread.currentThread()));
    }

    @Override
    public synchronized void sleepUntil(long deadline) throws InterruptedException {
        Thread self = Thread.currentThread();
        busy.remove(self);
        notifyAll();
        if (jumping && Thread.currentThread().getName().startsWith("bd-")) {
            if (deadline > now) {
                advance(deadline - now);
            }
            return;
        }
        Long me = deadline;
        sleepers.add(me);
        try {
            long lastMove = now;
            long quietSince = System.currentTimeMillis();
            while (now < deadline) {
                wait(STALL_MILLIS);
                if (now != lastMove) {
                    lastMove = now;
                    quietSince = System.currentTimeMillis();
                } else if (System.currentTimeMillis() - quietSince >= STALL_MILLIS) {
                    // a whole second of real time and nobody advanced: the load is over
                    sleepers.remove(me);
                    advance(deadline - now);
                }
            }
        } finally {
            sleepers.remove(me);
            if (!self.getName().startsWith("bd-")) {
                busy.add(self);
            }
            notifyAll();
        }
    }
}
