package dev.benchdeck.driver.jdbc.ops;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ids a run's writes use. Inserts take new ids after the largest existing one (read at setup),
 * from one counter for the whole run; deletes take ids this run inserted, oldest first, and only
 * when none is left a random existing one.
 */
public final class RunIds {

    private final AtomicLong nextInsert;
    private final AtomicLong nextDelete;
    private final KeyChooser existing;

    /** @param firstNew the largest id in the table plus one */
    public RunIds(long firstNew, KeyChooser existing) {
        this.nextInsert = new AtomicLong(firstNew);
        this.nextDelete = new AtomicLong(firstNew);
        this.existing = existing;
    }

    /** The first of {@code count} consecutive new ids. */
    public long allocate(int count) {
        return nextInsert.getAndAdd(count);
    }

    /** An id to delete: the oldest one inserted by this run and not yet deleted, else an existing one. */
    public long toDelete(SplittableRandom random) {
        while (true) {
            long candidate = nextDelete.get();
            if (candidate >= nextInsert.get()) {
                return existing.next(random);
            }
            if (nextDelete.compareAndSet(candidate, candidate + 1)) {
                return candidate;
            }
        }
    }

    /** The next id an insert would take. */
    public long nextInsert() {
        return nextInsert.get();
    }
}
