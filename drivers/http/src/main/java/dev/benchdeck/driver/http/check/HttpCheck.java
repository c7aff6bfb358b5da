package dev.benchdeck.driver.http.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLException;

/** The connection check of an http target: one GET of its {@code url}, with the target's {@code headers}, timed. */
public final class HttpCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int NAME_CHARACTERS = 100;

    private HttpCheck() {
    }

    /** A GET of the target's {@code url} with its {@code headers} (an object of header name to value); any answer is {@code ok}. */
    public static HttpCheckReport run(JsonNode target) {
        Map<String, String> headers = new LinkedHashMap<>();
        target.path("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asText()));
        return run(text(target, "url"), headers);
    }

    /** A GET of {@code url} with these headers; any answer is {@code ok}. */
    public static HttpCheckReport run(String url, Map<String, String> headers) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(uri(url)).GET();
        } catch (IllegalArgumentException e) {
            return HttpCheckReport.failed("invalid", "the URL cannot be sent: " + e.getMessage());
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            try {
                request.header(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                // the JDK's message repeats the value, which is a secret: name the header only
                return HttpCheckReport.failed("invalid", "the stored header " + printable(header.getKey())
                        + " cannot be sent (a restricted name or a character not allowed in headers); enter it again in credentials.headers");
            }
        }
        return send(url, request, (status, body, millis) -> new HttpCheckReport(true, status, millis, null, "HTTP " + status));
    }

    /** What a check makes of an answer: its status, body and the time to the full response. */
    public interface Judge {
        HttpCheckReport judge(int status, String body, double millis);
    }

    /** Sends the request (with the check's timeout) and lets {@code judge} read the answer; failures to connect are reported here. */
    public static HttpCheckReport send(String url, HttpRequest.Builder request, Judge judge) {
        long start = System.nanoTime();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            HttpResponse<String> response = client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            double millis = Math.round((System.nanoTime() - start) / 1_000.0) / 1_000.0;
            return judge.judge(response.statusCode(), response.body(), millis);
        } catch (IllegalArgumentException e) {
            return HttpCheckReport.failed("invalid", "the request cannot be sent (a header or the URL is not allowed)");
        } catch (HttpConnectTimeoutException e) {
            return HttpCheckReport.failed("timeout", "no connection within " + TIMEOUT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            return HttpCheckReport.failed("timeout", "no response within " + TIMEOUT.toSeconds() + " s");
        } catch (ConnectException e) {
            return HttpCheckReport.failed("connect", "cannot connect to " + URI.create(url).getAuthority()
                    + ": connection refused or host unreachable");
        } catch (SSLException e) {
            return HttpCheckReport.failed("tls", "TLS failed (certificates are verified): " + e.getMessage());
        } catch (IOException e) {
            return HttpCheckReport.failed("connect", "the request failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HttpCheckReport.failed("cancelled", "the check was interrupted");
        }
    }

    /** The URL to send to; a missing one is refused like any URL the client cannot take. */
    public static URI uri(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the target has no url");
        }
        return URI.create(url);
    }

    /** The field's text, or {@code null} when it is missing or not text. */
    public static String text(JsonNode target, String field) {
        JsonNode value = target.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    /** A header name as a message may show it: control characters escaped, at most {@value #NAME_CHARACTERS} characters. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(NAME_CHARACTERS).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
