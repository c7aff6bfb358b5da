package dev.benchdeck.driver.http.h1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchdeck.driver.http.ConnectionClosedException;
import dev.benchdeck.driver.http.MalformedResponseException;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

    private static final long FAR = Long.MAX_VALUE;

    /** Hands out one byte per read, so that every parse step meets a buffer boundary. */
    private static InputStream trickle(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(1, len));
            }
        };
    }

    private static ResponseReader reader(InputStream in) {
        return new ResponseReader(in, millis -> { }, EngineClock.system());
    }

    private static ResponseReader readOne(String response, boolean head) throws IOException {
        ResponseReader reader = reader(trickle(response));
        reader.read(FAR, head);
        return reader;
    }

    @Test
    void readsAContentLengthBodyAndKeepsTheConnection() throws IOException {
        long before = System.nanoTime();
        ResponseReader reader = readOne("HTTP/1.1 201 Created\r\ncontent-LENGTH:  5 \r\nX-Other: a:b\r\n\r\nhello", false);

        assertThat(reader.status()).isEqualTo(201);
        assertThat(reader.reusable()).isTrue();
        assertThat(reader.receivedNothing()).isFalse();
        assertThat(reader.firstByteNanos()).isGreaterThanOrEqualTo(before);
    }

    @Test
    void readsTwoResponsesInARowFromOneStream() throws IOException {
        ResponseReader reader = reader(new ByteArrayInputStream(
                ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)) {
            private boolean first = true;

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                // the first read stops exactly at the end of the first response
                int n = super.read(b, off, first ? Math.min(len, 40) : len);
                first = false;
                return n;
            }
        });

        reader.read(FAR, false);
        assertThat(reader.status()).isEqualTo(200);
        reader.read(FAR, false);
        assertThat(reader.status()).isEqualTo(404);
        assertThat(reader.reusable()).isTrue();
    }

    @Test
    void readsChunkedBodiesWithExtensionsAndTrailers() throws IOException {
        ResponseReader reader = readOne("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n"
                + "a;ext=1\r\n0123456789\r\n1 \r\nx\r\n0\r\nTrailer-A: 1\r\nTrailer-B: 2\r\n\r\n", false);

        assertThat(reader.status()).isEqualTo(200);
        assertThat(reader.reusable()).isTrue();
    }

    @Test
    void readsABodyLargerThanTheBuffer() throws IOException {
        int size = ResponseReader.BUFFER_SIZE * 3 + 17;
        String response = "HTTP/1.1 200 OK\r\nContent-Length: " + size + "\r\n\r\n" + "x".repeat(size);
        ResponseReader reader = reader(new ByteArrayInputStream(response.getBytes(StandardCharsets.US_ASCII)));

        reader.read(FAR, false);

        assertThat(reader.reusable()).isTrue();
    }

    @Test
    void headAnswersAnd204HaveNoBody() throws IOException {
        assertThat(readOne("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n", true).reusable()).isTrue();
        assertThat(readOne("HTTP/1.1 204 No Content\r\n\r\n", false).reusable()).isTrue();
    }

    @Test
    void skipsInterimResponses() throws IOException {
        ResponseReader reader = readOne("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: x\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false);

        assertThat(reader.status()).isEqualTo(200);
    }

    @Test
    void connectionCloseAndHttp10EndTheConnection() throws IOException {
        assertThat(readOne("HTTP/1.1 200 OK\r\nConnection: Keep-Alive, close\r\nContent-Length: 0\r\n\r\n", false).reusable()).isFalse();
        assertThat(readOne("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", false).reusable()).isFalse();
        assertThat(readOne("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", false).reusable()).isTrue();
    }

    @Test
    void aBodyWithoutLengthRunsToTheEndOfTheConnection() throws IOException {
        ResponseReader reader = readOne("HTTP/1.1 200 OK\r\n\r\nall of this", false);

        assertThat(reader.status()).isEqualTo(200);
        assertThat(reader.reusable()).isFalse();
    }

    @Test
    void bytesAfterTheResponseMakeTheConnectionUnusable() throws IOException {
        ResponseReader reader = reader(new ByteArrayInputStream(
                "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nextra".getBytes(StandardCharsets.US_ASCII)));

        reader.read(FAR, false);

        assertThat(reader.reusable()).isFalse();
    }

    @Test
    void rejectsAResponseThatDoesNotStartWithHttpWithoutWaitingForALineEnd() {
        InputStream neverEnding = new InputStream() {
            private final byte[] text = "<html>".getBytes(StandardCharsets.US_ASCII);
            private int at;

            @Override
            public int read() throws IOException {
                if (at == text.length) {
                    throw new AssertionError("read past the first bytes");
                }
                return text[at++];
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                b[off] = (byte) read();
                return 1;
            }
        };

        assertThatThrownBy(() -> reader(neverEnding).read(FAR, false))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("malformed status line '<'");
    }

    @Test
    void rejectsMalformedFraming() {
        assertThatThrownBy(() -> readOne("HTTP/1.1 2x0 OK\r\n\r\n", false))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("status line");
        assertThatThrownBy(() -> readOne("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", false))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("header line");
        assertThatThrownBy(() -> readOne("HTTP/1.1 200 OK\r\nContent-Length: 12a\r\n\r\n", false))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("Content-Length");
        assertThatThrownBy(() -> readOne("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", false))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("chunk size");
        assertThatThrownBy(() -> readOne("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n", false))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("CRLF");
        assertThatThrownBy(() -> readOne("HTTP/1.1 200 OK\r\nX-Long: " + "y".repeat(ResponseReader.BUFFER_SIZE) + "\r\n\r\n", false))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("longer than");
    }

    @Test
    void tellsAConnectionClosedBeforeTheResponseFromOneClosedMidway() {
        ResponseReader empty = reader(trickle(""));
        assertThatThrownBy(() -> empty.read(FAR, false))
                .isInstanceOfSatisfying(ConnectionClosedException.class, e -> assertThat(e.beforeResponse()).isTrue());
        assertThat(empty.receivedNothing()).isTrue();
        assertThat(empty.firstByteNanos()).isEqualTo(Timings.NONE);

        ResponseReader partial = reader(trickle("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"));
        assertThatThrownBy(() -> partial.read(FAR, false))
                .isInstanceOfSatisfying(ConnectionClosedException.class, e -> assertThat(e.beforeResponse()).isFalse());
        assertThat(partial.receivedNothing()).isFalse();
    }

    @Test
    void givesUpWhenTheDeadlineHasPassed() {
        ResponseReader reader = reader(trickle("HTTP/1.1 200 OK\r\n\r\n"));

        assertThatThrownBy(() -> reader.read(System.nanoTime() - 1, false)).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void setsTheReadTimeoutToWhatIsLeftOfTheDeadline() throws IOException {
        int[] lastTimeout = {-1};
        ResponseReader reader = new ResponseReader(trickle("HTTP/1.1 204 No Content\r\n\r\n"),
                millis -> lastTimeout[0] = millis, EngineClock.system());

        reader.read(System.nanoTime() + 3_000_000_000L, false);

        assertThat(lastTimeout[0]).isBetween(1, 3000);
    }
}
