package dev.benchdeck.server.target;

import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/** A connection check of an http target: one GET of its URL, with the target's headers, timed. */
final class HttpCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private HttpCheck() {
    }

    /**
     * What the check found: {@code ok} when the server answered (any status: a base URL often answers
     * 404), its {@code status} and the time to the full response; else an error class and message.
     */
    @Schema(name = "HttpCheckReport")
    record Report(boolean ok, @Nullable Integer status, @Nullable Double millis, @Nullable String errorClass, String message) {
    }

    static Report run(String url, TargetSecrets secrets) {
        return run(url, secrets.headers());
    }

    /** A GET of {@code url} with these headers; any answer is {@code ok}. */
    static Report run(String url, Map<String, String> headers) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).GET();
        } catch (IllegalArgumentException e) {
            return new Report(false, null, null, "invalid", "the URL cannot be sent: " + e.getMessage());
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            try {
                request.header(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                // the JDK's message repeats the value, which is a secret: name the header only
                return new Report(false, null, null, "invalid", "the stored header " + TargetInputRules.printable(header.getKey())
                        + " cannot be sent (a restricted name or a character not allowed in headers); enter it again in credentials.headers");
            }
        }
        return send(url, request, (status, body, millis) -> new Report(true, status, millis, null, "HTTP " + status));
    }

    /** What a check makes of an answer: its status, body and the time to the full response. */
    interface Judge {
        Report judge(int status, String body, double millis);
    }

    /** Sends the request (with the check's timeout) and lets {@code judge} read the answer; failures to connect are reported here. */
    static Report send(String url, HttpRequest.Builder request, Judge judge) {
        long start = System.nanoTime();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            HttpResponse<String> response = client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            double millis = Math.round((System.nanoTime() - start) / 1_000.0) / 1_000.0;
            return judge.judge(response.statusCode(), response.body(), millis);
        } catch (IllegalArgumentException e) {
            return new Report(false, null, null, "invalid", "the request cannot be sent (a header or the URL is not allowed)");
        } catch (HttpConnectTimeoutException e) {
            return new Report(false, null, null, "timeout", "no connection within " + TIMEOUT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            return new Report(false, null, null, "timeout", "no response within " + TIMEOUT.toSeconds() + " s");
        } catch (ConnectException e) {
            return new Report(false, null, null, "connect", "cannot connect to " + URI.create(url).getAuthority() + ": connection refused or host unreachable");
        } catch (SSLException e) {
            return new Report(false, null, null, "tls", "TLS failed (certificates are verified): " + e.getMessage());
        } catch (IOException e) {
            return new Report(false, null, null, "connect", "the request failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Report(false, null, null, "cancelled", "the check was interrupted");
        }
    }
}
