package dev.benchdeck.driver.jdbc.setup;

import dev.benchdeck.engine.driver.SetupContext;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Loads rows {@code 1..rows} ({@code balance} 0, blank filler) with COPY, one COPY per batch of
 * {@code batchSize} rows (by default all rows in one: each COPY costs more than its statement, measured in
 * bench/db), reporting progress every {@value #PROGRESS_ROWS} rows written and stopping there when the
 * run is cancelled (a COPY cut short is cancelled, so nothing of it is kept). The row text is written straight into a byte buffer: building strings per row
 * would cost more than the server takes to store them.
 */
public final class RowLoader {

    public static final String PHASE = "load";
    private static final int BUFFER = 1 << 18;
    /** Rows between progress reports (and cancellation checks) inside a COPY. */
    static final int PROGRESS_ROWS = 100_000;
    // an empty filler: character(84) pads it on the server, so each row costs only its numbers on the wire
    private static final byte[] ROW_TAIL = "\t0\t\n".getBytes(StandardCharsets.US_ASCII);

    private final BenchTable table;
    private final long rows;
    private final int batchSize;

    public RowLoader(BenchTable table, long rows, int batchSize) {
        this.table = table;
        this.rows = rows;
        this.batchSize = batchSize;
    }

    /**
     * Copies every row on {@code connection}. With {@code freeze} the table must have been created
     * in the connection's open transaction: the rows are then stored frozen, which spares VACUUM
     * most of its work afterwards.
     */
    public void load(Connection connection, boolean freeze, SetupContext setup) throws SQLException, InterruptedException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        String sql = table.copySql(freeze);
        byte[] buffer = new byte[BUFFER];
        String message = "COPY into " + table.name() + (batchSize >= rows ? "" : " in batches of " + batchSize);
        setup.progress(PHASE, message, 0, rows, "rows", false);
        long next = 1;
        while (next <= rows) {
            if (setup.cancelled()) {
                throw new InterruptedException("setup cancelled");
            }
            long last = Math.min(rows, next + batchSize - 1);
            copyBatch(copy.copyIn(sql), buffer, next, last, setup, message);
            setup.progress(PHASE, message, last, rows, "rows", last == rows);
            next = last + 1;
        }
    }

    private void copyBatch(CopyIn in, byte[] buffer, long first, long last, SetupContext setup, String message)
            throws SQLException, InterruptedException {
        boolean ended = false;
        try {
            int at = 0;
            for (long id = first; id <= last; id++) {
                if (at + 20 + ROW_TAIL.length > buffer.length) {
                    in.writeToCopy(buffer, 0, at);
                    at = 0;
                }
                if (id % PROGRESS_ROWS == 0 && id != last) {
                    // the server reads as it goes (TCP pushes back), so rows written are about rows stored
                    if (setup.cancelled()) {
                        throw new InterruptedException("setup cancelled");
                    }
                    setup.progress(PHASE, message, id, rows, "rows", false);
                }
                at = writeDigits(buffer, at, id);
                System.arraycopy(ROW_TAIL, 0, buffer, at, ROW_TAIL.length);
                at += ROW_TAIL.length;
            }
            if (at > 0) {
                in.writeToCopy(buffer, 0, at);
            }
            in.endCopy();
            ended = true;
        } finally {
            if (!ended && in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** Writes the decimal digits of {@code value} (≥ 0) at {@code at}; returns the position after them. */
    static int writeDigits(byte[] buffer, int at, long value) {
        int length = 1;
        for (long v = value; v >= 10; v /= 10) {
            length++;
        }
        long v = value;
        for (int i = at + length - 1; i >= at; i--) {
            buffer[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return at + length;
    }
}
