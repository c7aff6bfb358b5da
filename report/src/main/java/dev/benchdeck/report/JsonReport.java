package dev.benchdeck.report;

import dev.benchdeck.engine.result.ResultJson;
import java.io.IOException;
import java.io.Writer;

/**
 * JSON in the result model's shape (snake_case, the engine's mapper): a run is its result as
 * {@code benchdeck run --out} writes it, a comparison is the {@link Comparison} record without its inputs.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static void run(ReportRun run, Writer w) throws IOException {
        ResultJson.mapper().writeValue(new NonClosingWriter(w), run.result());
    }

    public static void comparison(Comparison comparison, Writer w) throws IOException {
        ResultJson.mapper().writeValue(new NonClosingWriter(w), comparison);
    }

    /** Jackson closes the writer it is given; the caller owns it. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
