package dev.benchdeck.engine.driver;

import java.util.function.Consumer;

/**
 * A session that can also run an operation without blocking the caller, for drivers with their
 * own I/O threads (an event loop). The engine then chains a user's requests through the callbacks
 * instead of parking a thread per user. One operation at a time per session, as with
 * {@link #execute}.
 */
public interface AsyncSession extends Session {

    /**
     * Starts one operation; {@code done} receives its outcome later on the driver's I/O thread, never
     * inside this call. {@code done} must be quick (record, then submit the next operation), and it
     * may call {@code submit} again. After {@link #close()} an operation in flight ends with a
     * failure, as {@link #execute} would return.
     */
    void submit(RequestContext request, Consumer<Outcome> done);
}
