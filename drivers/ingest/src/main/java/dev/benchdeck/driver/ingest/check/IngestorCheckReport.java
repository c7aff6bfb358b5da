package dev.benchdeck.driver.ingest.check;

import dev.benchdeck.engine.driver.TargetCheck;
import org.jspecify.annotations.Nullable;

/**
 * What an ingestor check found: {@code ok} when {@code /health} answered 200; {@code health} is the ingestor's status
 * ({@code ok}, {@code down}), {@code queue} its queue's kind; error classes {@code connect}, {@code timeout},
 * {@code tls}, {@code invalid}, {@code http} (503: what is down).
 */
public record IngestorCheckReport(boolean ok, @Nullable String health, @Nullable String queue, @Nullable Double millis,
                                  @Nullable String errorClass, String message) implements TargetCheck.Report {

    static IngestorCheckReport unreached(String errorClass, String message) {
        return new IngestorCheckReport(false, null, null, null, errorClass, message);
    }
}
