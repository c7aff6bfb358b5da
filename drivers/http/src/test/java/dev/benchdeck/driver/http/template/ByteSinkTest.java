package dev.benchdeck.driver.http.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteSinkTest {

    @Test
    void writesNumbersAsDecimalTextAndGrows() {
        ByteSink sink = new ByteSink(1);

        for (long n : new long[] {0, 7, 10, -45, 1234567890123L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            sink.writeDecimal(n);
            sink.write((byte) ' ');
        }
        sink.writeHex(0xABCDL, 6);

        assertThat(new String(sink.toByteArray(), StandardCharsets.US_ASCII))
                .isEqualTo("0 7 10 -45 1234567890123 " + Long.MAX_VALUE + " " + Long.MIN_VALUE + " 00abcd");
    }
}
