package dev.benchdeck.driver.http.template;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array reused across requests, so rendering a request allocates nothing once warm. */
public final class ByteSink {

    private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int length;

    public ByteSink(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    public void reset() {
        length = 0;
    }

    public int length() {
        return length;
    }

    /** The backing array; only the first {@link #length()} bytes are meaningful. */
    public byte[] array() {
        return bytes;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    public void write(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    public void write(byte[] source) {
        write(source, 0, source.length);
    }

    public void write(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    /** Writes a number in decimal ASCII without going through a String. */
    public void writeDecimal(long value) {
        if (value == Long.MIN_VALUE) {
            write(LONG_MIN);
            return;
        }
        if (value < 0) {
            write((byte) '-');
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        ensure(digits);
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
    }

    /** Writes the low {@code nibbles} hexadecimal digits of {@code value}, most significant first. */
    public void writeHex(long value, int nibbles) {
        ensure(nibbles);
        for (int i = nibbles - 1; i >= 0; i--) {
            bytes[length++] = (byte) Character.forDigit((int) (value >>> (i * 4)) & 0xF, 16);
        }
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
