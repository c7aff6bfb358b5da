package dev.benchdeck.driver.http.h1;

import dev.benchdeck.driver.http.ConnectionClosedException;
import dev.benchdeck.driver.http.MalformedResponseException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Parses HTTP/1.1 responses pushed into it in pieces of any size (from a blocking stream or an
 * event loop): status line, the headers that frame the body (Content-Length, Transfer-Encoding,
 * Connection), then the body, discarded. Header lines are parsed in place as bytes in one reusable
 * buffer; nothing is allocated for a well-formed response.
 */
public final class ResponseParser {

    public static final int BUFFER_SIZE = 16 * 1024;

    private static final byte[] HTTP_SLASH = {'H', 'T', 'T', 'P', '/'};
    private static final byte[] CONTENT_LENGTH = lower("content-length");
    private static final byte[] TRANSFER_ENCODING = lower("transfer-encoding");
    private static final byte[] CONNECTION = lower("connection");
    private static final byte[] CHUNKED = lower("chunked");
    private static final byte[] CLOSE = lower("close");
    private static final byte[] KEEP_ALIVE = lower("keep-alive");

    private enum State { STATUS_LINE, HEADERS, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, BODY_TO_EOF, DONE }

    private final byte[] buf;
    private final ByteBuffer window;
    private int pos;
    private int limit;
    private int lineStart;

    private State state = State.DONE;
    private boolean headRequest;
    private boolean received;
    private long remaining;

    private int status;
    private int minorVersion;
    private long contentLength;
    private boolean chunked;
    private boolean otherCoding;
    private boolean closeToken;
    private boolean keepAliveToken;
    private boolean reusable;
    /** Where headers and body go for a journey's extraction and checks; {@code null}: discarded. */
    private ResponseSink capture;

    public ResponseParser() {
        this(BUFFER_SIZE);
    }

    /** A parser whose buffer holds {@code bufferSize} bytes: the longest status or header line it accepts. */
    public ResponseParser(int bufferSize) {
        this.buf = new byte[bufferSize];
        this.window = ByteBuffer.wrap(buf);
    }

    /** Starts on the next response, keeping its headers and body in {@code capture} (or nothing when {@code null}). */
    public boolean begin(boolean headRequest, ResponseSink capture) {
        this.capture = capture;
        return begin(headRequest);
    }

    /** Starts on the next response; true if bytes of it are already buffered. */
    public boolean begin(boolean headRequest) {
        this.headRequest = headRequest;
        state = State.STATUS_LINE;
        received = pos < limit;
        return received;
    }

    /**
     * Where the next bytes go: the buffer's free tail as a {@link ByteBuffer}; after reading into
     * it, call {@link #filled(int)}.
     */
    public ByteBuffer space() throws MalformedResponseException {
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
        window.limit(buf.length).position(limit);
        return window;
    }

    /** Takes {@code count} more bytes written into {@link #space()}. */
    public void filled(int count) {
        limit += count;
        received |= count > 0;
    }

    /** Forgets buffered bytes: the connection they came from is gone. */
    public void discard() {
        pos = 0;
        limit = 0;
        state = State.DONE;
    }

    /** Parses what has been buffered; true once the whole response (skipping 1xx interim ones) is in. */
    public boolean parse() throws MalformedResponseException {
        while (true) {
            switch (state) {
                case STATUS_LINE -> {
                    if (!statusLine()) {
                        return false;
                    }
                }
                case HEADERS -> {
                    int end = nextLine();
                    if (end < 0) {
                        return false;
                    }
                    if (end != lineStart) {
                        parseHeader(lineStart, end);
                    } else if (status >= 100 && status < 200 && status != 101) {
                        state = State.STATUS_LINE;
                    } else {
                        startBody();
                    }
                }
                case FIXED_BODY, CHUNK_DATA -> {
                    int take = (int) Math.min(remaining, limit - pos);
                    if (capture != null) {
                        capture.body(buf, pos, take);
                    }
                    pos += take;
                    remaining -= take;
                    if (remaining > 0) {
                        return false;
                    }
                    state = state == State.FIXED_BODY ? State.DONE : State.CHUNK_END;
                }
                case CHUNK_SIZE -> {
                    int end = nextLine();
                    if (end < 0) {
                        return false;
                    }
                    remaining = parseChunkSize(lineStart, end);
                    state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
                }
                case CHUNK_END -> {
                    int end = nextLine();
                    if (end < 0) {
                        return false;
                    }
                    if (end != lineStart) {
                        throw new MalformedResponseException("chunk data not followed by CRLF");
                    }
                    state = State.CHUNK_SIZE;
                }
                case TRAILERS -> {
                    int end = nextLine();
                    if (end < 0) {
                        return false;
                    }
                    if (end == lineStart) {
                        state = State.DONE;
                    }
                }
                case BODY_TO_EOF -> {
                    if (capture != null) {
                        capture.body(buf, pos, limit - pos);
                    }
                    pos = limit;
                    return false;
                }
                case DONE -> {
                    if (pos < limit) {
                        // bytes beyond the response would be mistaken for the next one
                        reusable = false;
                        pos = limit;
                    }
                    return true;
                }
            }
        }
    }

    /**
     * The peer closed the connection: true if that ends a body running to the end of the stream,
     * else the response is incomplete and a {@link ConnectionClosedException} is thrown.
     */
    public boolean endOfStream() throws ConnectionClosedException {
        if (state == State.BODY_TO_EOF) {
            state = State.DONE;
            return true;
        }
        throw new ConnectionClosedException(!received);
    }

    public int status() {
        return status;
    }

    public boolean receivedNothing() {
        return !received;
    }

    /** Whether the connection may carry another request. */
    public boolean reusable() {
        return reusable;
    }

    /** Checks the "HTTP/" prefix as soon as bytes arrive, rather than waiting for a line end. */
    private boolean statusLine() throws MalformedResponseException {
        int available = Math.min(limit - pos, HTTP_SLASH.length);
        for (int i = 0; i < available; i++) {
            if (buf[pos + i] != HTTP_SLASH[i]) {
                throw new MalformedResponseException("malformed status line " + quote(pos, lineEndOrLimit(pos, 40)));
            }
        }
        if (available < HTTP_SLASH.length) {
            return false;
        }
        int end = nextLine();
        if (end < 0) {
            return false;
        }
        parseStatusLine(lineStart, end);
        if (capture != null) {
            capture.clear();
            capture.status(status);
        }
        contentLength = -1;
        chunked = false;
        otherCoding = false;
        closeToken = false;
        keepAliveToken = false;
        state = State.HEADERS;
        return true;
    }

    private void startBody() {
        boolean persistent = !closeToken && (minorVersion >= 1 || keepAliveToken);
        reusable = persistent;
        if (status == 101) {
            reusable = false;
            state = State.DONE;
        } else if (headRequest || status == 204 || status == 304) {
            state = State.DONE;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (otherCoding || contentLength < 0) {
            reusable = false;
            state = State.BODY_TO_EOF;
        } else {
            remaining = contentLength;
            state = State.FIXED_BODY;
        }
    }

    /** The next complete line, starting at {@link #lineStart}, its end excluding CR LF; -1 if not all in yet. */
    private int nextLine() {
        for (int i = pos; i < limit; i++) {
            if (buf[i] == '\n') {
                lineStart = pos;
                pos = i + 1;
                return i > lineStart && buf[i - 1] == '\r' ? i - 1 : i;
            }
        }
        return -1;
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
        if (capture != null) {
            capture.header(new String(buf, start, colon - start, StandardCharsets.ISO_8859_1),
                    new String(buf, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8));
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
