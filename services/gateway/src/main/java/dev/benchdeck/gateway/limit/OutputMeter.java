package dev.benchdeck.gateway.limit;

/**
 * Counts one stream's output tokens against its client's tokens-per-minute bucket as they stream. A
 * false from {@link #add} means the bucket is empty: the stream must stop (its tokens would overshoot).
 */
public interface OutputMeter {

    /** For no token limit. */
    OutputMeter UNLIMITED = new OutputMeter() {
        @Override
        public boolean add(long tokens) {
            return true;
        }

        @Override
        public void close() {
        }
    };

    boolean add(long tokens);

    /** The stream is over: count what is still pending. */
    void close();
}
