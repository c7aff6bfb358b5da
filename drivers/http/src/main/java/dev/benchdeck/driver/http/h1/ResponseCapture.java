package dev.benchdeck.driver.http.h1;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a journey keeps of one response for extraction and checks: its status, headers and body (up to
 * {@link #MAX_BODY} bytes; the rest is read and dropped). Single-request workloads keep nothing.
 */
final class ResponseCapture implements ResponseSink {

    public static final int MAX_BODY = 1024 * 1024;

    private final List<String[]> headers = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status;
    private String text;

    /** A new response begins (also after an interim 1xx one): forget what was captured. */
    @Override
    public void clear() {
        headers.clear();
        body.reset();
        status = 0;
        text = null;
    }

    @Override
    public void header(String name, String value) {
        headers.add(new String[] {name, value});
    }

    @Override
    public void body(byte[] bytes, int offset, int length) {
        int room = MAX_BODY - body.size();
        if (room > 0) {
            body.write(bytes, offset, Math.min(room, length));
        }
        text = null;
    }

    @Override
    public void status(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The first value of a header (name case-insensitive), or {@code null}. */
    public String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    /** Every value of a header, in order (e.g. each {@code Set-Cookie}). */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                values.add(h[1]);
            }
        }
        return values;
    }

    /** The body as UTF-8 text. */
    public String text() {
        if (text == null) {
            text = body.toString(StandardCharsets.UTF_8);
        }
        return text;
    }
}
