package dev.benchdeck.driver.ingest;

import dev.benchdeck.driver.ingest.config.EntrySettings;
import dev.benchdeck.driver.ingest.config.IngestWorkload;
import dev.benchdeck.driver.ingest.config.SinkSettings;
import dev.benchdeck.driver.ingest.entry.Entry;
import dev.benchdeck.driver.ingest.entry.HttpEntry;
import dev.benchdeck.driver.ingest.entry.KafkaEntry;
import dev.benchdeck.driver.ingest.entry.RedisEntry;
import dev.benchdeck.driver.ingest.sink.MessageLedger;
import dev.benchdeck.driver.ingest.sink.SendClock;
import dev.benchdeck.driver.ingest.sink.SinkWatcher;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.DriverException;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.time.EngineClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A checked ingest plan: opening it reaches the entry and the sink before any load. */
record IngestSpec(EntrySettings entry, SinkSettings sink, IngestWorkload workload) implements DriverSpec {

    @Override
    public Driver open(EngineClock clock) throws DriverException {
        MessageIds ids = workload.idPrefix() == null ? MessageIds.random() : new MessageIds(workload.idPrefix());
        OutgoingMessages messages = new OutgoingMessages(ids, workload.content());
        MessageLedger ledger = new MessageLedger(clock.nanoTime());
        SendClock sendClock = SendClock.of(clock);
        SinkWatcher watcher = new SinkWatcher(sink, ids, ledger, clock, sendClock, workload.pollInterval());
        watcher.start();
        try {
            return new IngestDriver(openEntry(messages, clock), watcher, ledger, sendClock, clock, workload);
        } catch (DriverException | RuntimeException e) {
            watcher.close();
            throw e;
        }
    }

    private Entry openEntry(OutgoingMessages messages, EngineClock clock) throws DriverException {
        return switch (entry) {
            case EntrySettings.Http http -> {
                reachable(http);
                yield new HttpEntry(http, messages, clock);
            }
            case EntrySettings.Redis redis -> RedisEntry.open(redis, messages, clock);
            case EntrySettings.Kafka kafka -> KafkaEntry.open(kafka, messages, clock);
        };
    }

    /** A wrong host or port fails the run at once rather than as a failure per message. */
    private static void reachable(EntrySettings.Http http) throws DriverException {
        int port = http.url().getPort() >= 0 ? http.url().getPort() : "https".equalsIgnoreCase(http.url().getScheme()) ? 443 : 80;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(http.url().getHost(), port), 5000);
        } catch (IOException e) {
            throw new DriverException(ErrorClasses.CONNECT, "cannot reach " + http.url().getHost() + ":" + port + " ("
                    + http.url() + "): " + e.getMessage(), e);
        }
    }
}
