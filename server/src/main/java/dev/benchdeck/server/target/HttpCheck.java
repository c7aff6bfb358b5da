package dev.benchdeck.server.target;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** A connection check of an http target: one GET of its URL, with the target's headers, timed. */
final class HttpCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private HttpCheck() {
    }

    /**
     * What the check found: {@code ok} when the server answered (any status: a base URL often answers
     * 404), its {@code status} and the time to the full response; else an error class and message.
     */
    record Report(boolean ok, Integer status, Double millis, String errorClass, String message) {
    }

    static Report run(String url, TargetSecrets secrets) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
            secrets.headers().forEach(request::header);
        } catch (IllegalArgumentException e) {
            return new Report(false, null, null, "invalid", "the URL or a header cannot be sent: " + e.getMessage());
        }
        long start = System.nanoTime();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            double millis = Math.round((System.nanoTime() - start) / 1_000.0) / 1_000.0;
            return new Report(true, response.statusCode(), millis, null, "HTTP " + response.statusCode());
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
