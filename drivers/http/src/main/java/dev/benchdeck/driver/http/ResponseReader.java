package dev.benchdeck.driver.http;

import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Reads HTTP/1.1 responses from one connection into a reusable buffer: status line, the headers
 * that frame the body (Content-Length, Transfer-Encoding, Connection), then the body, discarded.
 * Header lines are parsed in place as bytes; nothing is allocated for a well-formed response.
 */
final class ResponseReader {

    static final int BUFFER_SIZE = 16 * 1024;

    /** Sets the socket's read timeout before each blocking read, so the request deadline holds. */
    @FunctionalInterface
    interface ReadTimeout {
        void set(int millis) throws IOException;
    }

    private static final byte[] HTTP_SLASH = {'H', 'T', 'T', 'P', '/'};
    private static final byte[] CONTENT_LENGTH = lower("content-length");
    private static final byte[] TRANSFER_ENCODING = lower("transfer-encoding");
    private static final byte[] CONNECTION = lower("connection");
    private static final byte[] CHUNKED = lower("chunked");
    private static final byte[] CLOSE = lower("close");
    private static final byte[] KEEP_ALIVE = lower("keep-alive");

    private final InputStream in;
    private final ReadTimeout readTimeout;
    private final EngineClock clock;
    private final byte[] buf = new byte[BUFFER_SIZE];
    private int pos;
    private int limit;
    private int lineStart;

    private long deadline;
    private boolean received;
    private long firstByteNanos = Timings.NONE;

    private int status;
    private int minorVersion;
    private long contentLength;
    private boolean chunked;
    private boolean otherCoding;
    private boolean closeToken;
    private boolean keepAliveToken;
    private boolean reusable;

    ResponseReader(InputStream in, ReadTimeout readTimeout, EngineClock clock) {
        this.in = in;
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    /** Reads one whole response (skipping 1xx interim ones), giving up at {@code deadline}. */
    void read(long deadline, boolean headRequest) throws IOException {
        this.deadline = deadline;
        received = pos < limit;
        firstByteNanos = received ? clock.nanoTime() : Timings.NONE;
        do {
            readHead();
        } while (status >= 100 && status < 200 && status != 101);
        readBody(headRequest);
        if (pos < limit) {
            // bytes beyond the response would be mistaken for the next one
            reusable = false;
            pos = limit;
        }
    }

    int status() {
        return status;
    }

    long firstByteNanos() {
        return firstByteNanos;
    }

    boolean receivedNothing() {
        return !received;
    }

    /** Whether the connection may carry another request. */
    boolean reusable() {
        return reusable;
    }

    private void readHead() throws IOException {
        expectHttpPrefix();
        int end = readLine();
        parseStatusLine(lineStart, end);
        contentLength = -1;
        chunked = false;
        otherCoding = false;
        closeToken = false;
        keepAliveToken = false;
        while ((end = readLine()) != lineStart) {
            parseHeader(lineStart, end);
        }
    }

    /** Fails at once on a response that does not start like one, rather than waiting for a line end. */
    private void expectHttpPrefix() throws IOException {
        while (true) {
            int available = Math.min(limit - pos, HTTP_SLASH.length);
            for (int i = 0; i < available; i++) {
                if (buf[pos + i] != HTTP_SLASH[i]) {
                    throw new MalformedResponseException("malformed status line " + quote(pos, lineEndOrLimit(pos, 40)));
                }
            }
            if (available == HTTP_SLASH.length) {
                return;
            }
            if (!fill()) {
                throw new ConnectionClosedException(!received);
            }
        }
    }

    private void parseStatusLine(int start, int end) throws MalformedResponseException {
        // "HTTP/1.x SSS" then an optional " reason"
        boolean ok = end - start >= 12 && buf[start + 5] == '1' && buf[start + 6] == '.' && isDigit(buf[start + 7])
                && buf[start + 8] == ' ' && isDigit(buf[start + 9]) && isDigit(buf[start + 10]) && isDigit(buf[start + 11])
                && (end - start == 12 || buf[start + 12] == ' ');
        if (!ok) {
            throw new MalformedResponseException("malformed status line " + quote(start, Math.min(end, start + 40)));
        }
        minorVersion = buf[start + 7] - '0';
        status = (buf[start + 9] - '0') * 100 + (buf[start + 10] - '0') * 10 + (buf[start + 11] - '0');
    }

    private void parseHeader(int start, int end) throws MalformedResponseException {
        if (buf[start] == ' ' || buf[start] == '\t') {
            return; // obsolete line folding continues a previous header; none of ours is folded
        }
        int colon = start;
        while (colon < end && buf[colon] != ':') {
            colon++;
        }
        if (colon == start || colon == end) {
            throw new MalformedResponseException("malformed header line " + quote(start, Math.min(end, start + 40)));
        }
        int valueStart = colon + 1;
        while (valueStart < end && isSpace(buf[valueStart])) {
            valueStart++;
        }
        int valueEnd = end;
        while (valueEnd > valueStart && isSpace(buf[valueEnd - 1])) {
            valueEnd--;
        }
        if (nameIs(start, colon, CONTENT_LENGTH)) {
            contentLength = parseContentLength(valueStart, valueEnd);
        } else if (nameIs(start, colon, TRANSFER_ENCODING)) {
            // only a final "chunked" frames the body; any other coding runs to the end of the connection
            chunked = valueEnd - valueStart >= CHUNKED.length && equalsLower(valueEnd - CHUNKED.length, CHUNKED);
            otherCoding = !chunked;
        } else if (nameIs(start, colon, CONNECTION)) {
            parseConnectionTokens(valueStart, valueEnd);
        }
    }

    private long parseContentLength(int start, int end) throws MalformedResponseException {
        long value = 0;
        if (start == end || end - start > 18) {
            throw new MalformedResponseException("bad Content-Length " + quote(start, end));
        }
        for (int i = start; i < end; i++) {
            if (!isDigit(buf[i])) {
                throw new MalformedResponseException("bad Content-Length " + quote(start, end));
            }
            value = value * 10 + (buf[i] - '0');
        }
        return value;
    }

    private void parseConnectionTokens(int start, int end) {
        int tokenStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || buf[i] == ',') {
                int s = tokenStart;
                int e = i;
                while (s < e && isSpace(buf[s])) {
                    s++;
                }
                while (e > s && isSpace(buf[e - 1])) {
                    e--;
                }
                closeToken |= e - s == CLOSE.length && equalsLower(s, CLOSE);
                keepAliveToken |= e - s == KEEP_ALIVE.length && equalsLower(s, KEEP_ALIVE);
                tokenStart = i + 1;
            }
        }
    }

    private void readBody(boolean headRequest) throws IOException {
        boolean persistent = !closeToken && (minorVersion >= 1 || keepAliveToken);
        if (status == 101) {
            reusable = false;
        } else if (headRequest || status == 204 || status == 304) {
            reusable = persistent;
        } else if (chunked) {
            skipChunkedBody();
            reusable = persistent;
        } else if (otherCoding || contentLength < 0) {
            skipToEndOfStream();
            reusable = false;
        } else {
            skip(contentLength);
            reusable = persistent;
        }
    }

    private void skipChunkedBody() throws IOException {
        while (true) {
            int end = readLine();
            long size = parseChunkSize(lineStart, end);
            if (size == 0) {
                break;
            }
            skip(size);
            if (readLine() != lineStart) {
                throw new MalformedResponseException("chunk data not followed by CRLF");
            }
        }
        while (readLine() != lineStart) {
            // trailer fields are read and ignored
        }
    }

    private long parseChunkSize(int start, int end) throws MalformedResponseException {
        long size = 0;
        int i = start;
        for (; i < end && buf[i] != ';' && !isSpace(buf[i]); i++) {
            int digit = Character.digit(buf[i], 16);
            if (digit < 0 || i - start >= 15) {
                throw new MalformedResponseException("bad chunk size " + quote(start, Math.min(end, start + 20)));
            }
            size = size * 16 + digit;
        }
        if (i == start) {
            throw new MalformedResponseException("bad chunk size " + quote(start, Math.min(end, start + 20)));
        }
        return size;
    }

    private void skip(long count) throws IOException {
        while (count > 0) {
            if (pos == limit && !fill()) {
                throw new ConnectionClosedException(false);
            }
            int take = (int) Math.min(count, limit - pos);
            pos += take;
            count -= take;
        }
    }

    private void skipToEndOfStream() throws IOException {
        pos = limit;
        while (fill()) {
            pos = limit;
        }
    }

    /** The next line; it starts at {@link #lineStart} and the returned end excludes CR LF. */
    private int readLine() throws IOException {
        int scanned = 0;
        while (true) {
            for (int i = pos + scanned; i < limit; i++) {
                if (buf[i] == '\n') {
                    lineStart = pos;
                    pos = i + 1;
                    return i > lineStart && buf[i - 1] == '\r' ? i - 1 : i;
                }
            }
            scanned = limit - pos;
            if (!fill()) {
                throw new ConnectionClosedException(!received);
            }
        }
    }

    /** Reads more bytes after {@link #limit}; false at end of stream. */
    private boolean fill() throws IOException {
        if (pos == limit) {
            pos = 0;
            limit = 0;
        } else if (limit == buf.length) {
            if (pos == 0) {
                throw new MalformedResponseException("response line longer than " + buf.length + " bytes");
            }
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        long remaining = deadline - clock.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("request deadline passed");
        }
        readTimeout.set((int) Math.min(Integer.MAX_VALUE, Math.max(1, (remaining + 999_999) / 1_000_000)));
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            return false;
        }
        if (!received) {
            received = true;
            firstByteNanos = clock.nanoTime();
        }
        limit += n;
        return true;
    }

    private boolean nameIs(int start, int end, byte[] lowerName) {
        return end - start == lowerName.length && equalsLower(start, lowerName);
    }

    private boolean equalsLower(int start, byte[] lowerText) {
        for (int i = 0; i < lowerText.length; i++) {
            byte b = buf[start + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lowerText[i]) {
                return false;
            }
        }
        return true;
    }

    /** Where the line starting at {@code start} ends in what was read so far, at most {@code max} bytes on. */
    private int lineEndOrLimit(int start, int max) {
        int end = start;
        while (end < limit && end - start < max && buf[end] != '\r' && buf[end] != '\n') {
            end++;
        }
        return end;
    }

    private String quote(int start, int end) {
        StringBuilder text = new StringBuilder("'");
        for (int i = start; i < end; i++) {
            char c = (char) (buf[i] & 0xFF);
            text.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return text.append('\'').toString();
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static byte[] lower(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
