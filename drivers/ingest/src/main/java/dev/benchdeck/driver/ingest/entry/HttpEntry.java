package dev.benchdeck.driver.ingest.entry;

import dev.benchdeck.driver.ingest.OutgoingMessages;
import dev.benchdeck.driver.ingest.config.EntrySettings;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST url} with the JDK's HTTP/1.1 client (keep-alive connections shared by the sessions): one message as a
 * JSON object, a batch as a JSON array or NDJSON. A 2xx answer confirms the whole batch (the ingestor's 202 means
 * durably queued); anything else fails it.
 */
public final class HttpEntry implements Entry {

    /** The most of an error answer kept as the failure's message. */
    private static final int MESSAGE_CHARS = 200;

    private final EntrySettings.Http settings;
    private final OutgoingMessages messages;
    private final EngineClock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;

    public HttpEntry(EntrySettings.Http settings, OutgoingMessages messages, EngineClock clock) {
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Publisher newPublisher() {
        return new HttpPublisher();
    }

    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdownNow();
        try {
            client.awaitTermination(Duration.ofSeconds(2));
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String body(Batch batch) {
        StringBuilder b = new StringBuilder(batch.size() * 160);
        boolean ndjson = settings.format() == EntrySettings.BodyFormat.NDJSON;
        if (batch.size() == 1 && !ndjson) {
            messages.json(b, batch.firstSeq(), batch.sendEpochMicros());
            return b.toString();
        }
        if (!ndjson) {
            b.append('[');
        }
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0 && !ndjson) {
                b.append(',');
            }
            messages.json(b, batch.firstSeq() + i, batch.sendEpochMicros());
            if (ndjson) {
                b.append('\n');
            }
        }
        return ndjson ? b.toString() : b.append(']').toString();
    }

    private final class HttpPublisher implements Publisher {

        private volatile CompletableFuture<HttpResponse<byte[]>> inFlight;
        private volatile boolean closed;

        @Override
        public Outcome publish(Batch batch, long send, long timeoutNanos) throws InterruptedException {
            if (closed) {
                return Outcome.failure(ErrorClasses.RESET, "session closed", Timings.of(send, clock.nanoTime()));
            }
            String type = settings.format() == EntrySettings.BodyFormat.NDJSON ? "application/x-ndjson" : "application/json";
            HttpRequest request = HttpRequest.newBuilder(settings.url()).timeout(Duration.ofNanos(timeoutNanos))
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body(batch))).build();
            CompletableFuture<HttpResponse<byte[]>> future;
            try {
                future = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IllegalStateException e) {
                return Outcome.failure(ErrorClasses.RESET, "session closed", Timings.of(send, clock.nanoTime()));
            }
            inFlight = future;
            try {
                // the request's own timeout ends it; the extra second only guards against a client that hangs
                HttpResponse<byte[]> response = future.get(timeoutNanos + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
                long end = clock.nanoTime();
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return Outcome.success(Timings.of(send, end));
                }
                String text = new String(response.body(), StandardCharsets.UTF_8);
                return Outcome.failure(ErrorClasses.forHttpStatus(status), "HTTP " + status + ": "
                        + text.substring(0, Math.min(MESSAGE_CHARS, text.length())), Timings.of(send, end));
            } catch (InterruptedException e) {
                future.cancel(true);
                throw e;
            } catch (TimeoutException e) {
                future.cancel(true);
                return Outcome.failure(ErrorClasses.TIMEOUT, "no answer within the timeout", Timings.of(send, clock.nanoTime()));
            } catch (CancellationException e) {
                return Outcome.failure(ErrorClasses.RESET, "session closed", Timings.of(send, clock.nanoTime()));
            } catch (ExecutionException e) {
                return failure(e.getCause(), send);
            } finally {
                inFlight = null;
            }
        }

        private Outcome failure(Throwable cause, long send) {
            Timings t = Timings.of(send, clock.nanoTime());
            if (closed) {
                return Outcome.failure(ErrorClasses.RESET, "session closed", t);
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return Outcome.failure(ErrorClasses.CONNECT, "connect timed out", t);
            }
            if (cause instanceof HttpTimeoutException) {
                return Outcome.failure(ErrorClasses.TIMEOUT, "no answer within the timeout", t);
            }
            if (cause instanceof ConnectException || cause != null && cause.getCause() instanceof ConnectException) {
                return Outcome.failure(ErrorClasses.CONNECT, "connection refused: " + settings.url().getAuthority(), t);
            }
            if (cause instanceof IOException) {
                return Outcome.failure(ErrorClasses.RESET, "connection closed: " + cause.getMessage(), t);
            }
            return Outcome.failure(ErrorClasses.PROTOCOL, String.valueOf(cause), t);
        }

        @Override
        public void close() {
            closed = true;
            CompletableFuture<HttpResponse<byte[]>> f = inFlight;
            if (f != null) {
                f.cancel(true);
            }
        }
    }
}
