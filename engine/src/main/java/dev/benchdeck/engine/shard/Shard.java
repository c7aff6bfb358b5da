package dev.benchdeck.engine.shard;

/**
 * One agent's part of a run split {@code count} ways: it applies {@code 1/count} of the load, numbers its requests
 * {@code index, index + count, index + 2·count, …} so that no two agents share a sequence number, and owns the data
 * rows whose position is {@code index} modulo {@code count}. {@link #WHOLE} is a run on one agent.
 */
public record Shard(int index, int count) {

    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + " of " + count + " does not exist");
        }
    }

    public boolean isWhole() {
        return count == 1;
    }

    /** The run-wide sequence number of this shard's {@code local}-th request. */
    public long sequence(long local) {
        return index + count * local;
    }

    /** This shard's part of a whole number of users or requests: the quotient, plus one for the first {@code total mod count} shards. */
    public long share(long total) {
        return total / count + (index < total % count ? 1 : 0);
    }

    /** This shard's part of an arrival rate. */
    public double share(double rate) {
        return rate / count;
    }

    /** Whether the data row at {@code position} (0-based) is this shard's. */
    public boolean owns(long position) {
        return position % count == index;
    }

    @Override
    public String toString() {
        return (index + 1) + " of " + count;
    }
}
