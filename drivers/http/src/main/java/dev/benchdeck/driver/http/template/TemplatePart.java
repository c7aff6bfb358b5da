package dev.benchdeck.driver.http.template;

import dev.benchdeck.engine.driver.RequestContext;
import java.util.concurrent.ThreadLocalRandom;

/** One piece of a compiled {@link Template}: fixed bytes or a placeholder filled in per request. */
sealed interface TemplatePart {

    void writeTo(ByteSink out, RequestContext request);

    /** Text written as is, already encoded as UTF-8. */
    record Literal(byte[] bytes) implements TemplatePart {
        @Override
        public void writeTo(ByteSink out, RequestContext request) {
            out.write(bytes);
        }
    }

    /** {@code ${seq}}: the run-wide sequence number of the request. */
    record Sequence() implements TemplatePart {
        @Override
        public void writeTo(ByteSink out, RequestContext request) {
            out.writeDecimal(request.sequence());
        }
    }

    /** {@code ${user}}: the virtual user sending the request. */
    record User() implements TemplatePart {
        @Override
        public void writeTo(ByteSink out, RequestContext request) {
            out.writeDecimal(request.user());
        }
    }

    /**
     * {@code ${uuid}}: a random version-4 UUID. It comes from {@link ThreadLocalRandom}, not from
     * {@link java.util.UUID#randomUUID()}, whose SecureRandom would serialise users on the hot path.
     */
    record RandomUuid() implements TemplatePart {
        @Override
        public void writeTo(ByteSink out, RequestContext request) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long high = (random.nextLong() & ~0xF000L) | 0x4000L;
            long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            out.writeHex(high >>> 32, 8);
            out.write((byte) '-');
            out.writeHex(high >>> 16, 4);
            out.write((byte) '-');
            out.writeHex(high, 4);
            out.write((byte) '-');
            out.writeHex(low >>> 48, 4);
            out.write((byte) '-');
            out.writeHex(low, 12);
        }
    }

    /** {@code ${random_int(min,max)}}: a uniformly drawn whole number, both bounds included. */
    record RandomInt(int min, int max) implements TemplatePart {
        @Override
        public void writeTo(ByteSink out, RequestContext request) {
            out.writeDecimal(ThreadLocalRandom.current().nextLong(min, (long) max + 1));
        }
    }

    /** {@code ${data.<column>}}: a value of the data file's row for this request. */
    record DataValue(DataRows rows, int column) implements TemplatePart {
        @Override
        public void writeTo(ByteSink out, RequestContext request) {
            out.write(rows.value(request.sequence(), column));
        }
    }

    /** {@code ${name}} in a journey: the virtual user's variable (extracted or fed), rendered with {@link Template#writeTo(ByteSink, RequestContext, java.util.Map)}. */
    record Variable(String name) implements TemplatePart {
        @Override
        public void writeTo(ByteSink out, RequestContext request) {
            throw new IllegalStateException("${" + name + "} needs the user's variables");
        }
    }
}
