package dev.benchdeck.server.run;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a page of the runs list ended: the last run's queue time and id, the runs list's sort key. As text
 * ({@code ?after=}) it is {@code <microseconds since the epoch>_<id>}, which clients pass back unread.
 */
record RunCursor(Instant queuedAt, long id) {

    private static final Pattern TEXT = Pattern.compile("\\d{1,18}_\\d{1,18}");

    static RunCursor of(RunSummary run) {
        return new RunCursor(run.queuedAt(), run.id());
    }

    /** The cursor a {@link #text()} came from; empty for anything else. */
    static Optional<RunCursor> parse(String text) {
        if (text == null || !TEXT.matcher(text).matches()) {
            return Optional.empty();
        }
        int cut = text.indexOf('_');
        long micros = Long.parseLong(text.substring(0, cut));
        return Optional.of(new RunCursor(Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1_000),
                Long.parseLong(text.substring(cut + 1))));
    }

    String text() {
        return (queuedAt.getEpochSecond() * 1_000_000 + queuedAt.getNano() / 1_000) + "_" + id;
    }
}
