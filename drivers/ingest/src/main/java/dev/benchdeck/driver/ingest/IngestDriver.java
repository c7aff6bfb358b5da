package dev.benchdeck.driver.ingest;

import dev.benchdeck.driver.ingest.config.IngestWorkload;
import dev.benchdeck.driver.ingest.entry.Entry;
import dev.benchdeck.driver.ingest.sink.DeliveryFigures;
import dev.benchdeck.driver.ingest.sink.MessageLedger;
import dev.benchdeck.driver.ingest.sink.SendClock;
import dev.benchdeck.driver.ingest.sink.SinkWatcher;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.driver.StepFigures;
import dev.benchdeck.engine.time.EngineClock;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An opened ingest driver: sessions publish messages through the entry, the sink watcher looks for them, and at the
 * end of each step the driver waits for the pipeline to drain (at most {@code grace} after the step's last send),
 * counts the sink's rows per message and reports the step's {@link DeliveryFigures}.
 */
final class IngestDriver implements Driver {

    private final Entry entry;
    private final SinkWatcher watcher;
    private final MessageLedger ledger;
    private final SendClock sendClock;
    private final EngineClock clock;
    private final IngestWorkload workload;
    /** The first message sequence of the step now running. */
    private long stepFirst;

    IngestDriver(Entry entry, SinkWatcher watcher, MessageLedger ledger, SendClock sendClock, EngineClock clock,
                 IngestWorkload workload) {
        this.entry = entry;
        this.watcher = watcher;
        this.ledger = ledger;
        this.sendClock = sendClock;
        this.clock = clock;
        this.workload = workload;
    }

    @Override
    public Session newSession() {
        Entry.Publisher publisher = entry.newPublisher();
        int batch = workload.batchSize();
        return new Session() {
            @Override
            public Outcome execute(RequestContext request) throws InterruptedException {
                long first = request.sequence() * batch;
                long send = clock.nanoTime();
                for (int i = 0; i < batch; i++) {
                    ledger.sending(first + i, send);
                }
                Outcome outcome = publisher.publish(new Entry.Batch(first, batch, sendClock.epochMicros(send)), send,
                        request.timeoutNanos());
                for (int i = 0; i < batch; i++) {
                    if (outcome instanceof Outcome.Success) {
                        ledger.confirmed(first + i);
                    } else {
                        ledger.failed(first + i);
                    }
                }
                return outcome;
            }

            @Override
            public void close() {
                publisher.close();
            }
        };
    }

    /** {@code sent} (confirmed), {@code visible} (seen in the sink) and {@code backlog} (sent, not yet visible). */
    @Override
    public Map<String, Double> gauges() {
        Map<String, Double> gauges = new LinkedHashMap<>();
        gauges.put("sent", (double) ledger.confirmedCount());
        gauges.put("visible", (double) ledger.seenCount());
        gauges.put("backlog", (double) ledger.pending());
        gauges.put("sink_poll_errors", (double) watcher.pollErrors());
        return gauges;
    }

    @Override
    public StepFigures finishStep(int step, long measureStart, long measureEnd, boolean cancelled)
            throws InterruptedException {
        long first = stepFirst;
        long end = ledger.issued();
        stepFirst = end;
        boolean drained = cancelled ? ledger.pending() == 0 : awaitDrain(first, end);
        for (long seq = first; seq < end; seq++) {
            ledger.writeOff(seq);
        }
        int[] rows = null;
        if (!cancelled) {
            try {
                rows = watcher.rowsPerMessage(first, end - 1);
            } catch (SQLException e) {
                throw new IllegalStateException("the sink could not be counted: " + e.getMessage(), e);
            }
        }
        return DeliveryFigures.of(ledger, first, end, measureStart, rows, drained);
    }

    /** Waits until every confirmed message of the step was seen, at most {@code grace} after its last send. */
    private boolean awaitDrain(long first, long end) throws InterruptedException {
        long lastSend = Long.MIN_VALUE;
        for (long seq = first; seq < end; seq++) {
            lastSend = Math.max(lastSend, ledger.sentAt(seq));
        }
        if (lastSend == Long.MIN_VALUE) {
            return true;
        }
        long deadline = lastSend + workload.grace().toNanos();
        long poll = workload.pollInterval().toNanos();
        while (ledger.pending() > 0) {
            long now = clock.nanoTime();
            if (now >= deadline) {
                return false;
            }
            clock.sleepUntil(Math.min(deadline, now + poll));
        }
        return true;
    }

    @Override
    public void close() {
        entry.close();
        watcher.close();
    }
}
