package dev.benchdeck.driver.llm;

import dev.benchdeck.driver.http.HttpWorkload;
import dev.benchdeck.driver.http.TransportErrors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.driver.llm.stream.LlmProviders;
import dev.benchdeck.driver.llm.stream.StreamCollector;
import dev.benchdeck.engine.driver.AsyncSession;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One virtual user of the {@code llm} driver. A streaming answer's body chunks are timestamped as
 * they arrive and read by the API's stream format ({@link StreamCollector}); automations are timed
 * from the submit to the final status. Errors of the system under test come back as failures:
 * HTTP statuses with the provider's message, a non-SSE answer, in-stream errors, malformed chunks,
 * a stream cut off or never finished (the request timeout covers the whole stream).
 */
final class LlmSession implements AsyncSession {

    /** An automation reported that its run failed. */
    static final String AUTOMATION_FAILED = "automation_failed";
    /** No API key where one is needed: every request fails with this class, and the run goes on. */
    static final String AUTH = "auth";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineClock clock;
    private final HttpClient client;
    private final ScheduledExecutorService timer;
    private final LlmTarget target;
    private final LlmWorkload workload;
    private final String apiKey;
    /** Why requests cannot be sent (a missing API key), or null. */
    private final String missingKey;
    /** Streams read on the event loop (plain HTTP/1.1), or null: the JDK client reads them. */
    private final LoopStream loopStream;

    private volatile Exchange inFlight;
    private volatile boolean closed;

    LlmSession(EngineClock clock, HttpClient client, ScheduledExecutorService timer, LlmTarget target, LlmWorkload workload,
               LoopStream loopStream) {
        this.loopStream = loopStream;
        this.clock = clock;
        this.client = client;
        this.timer = timer;
        this.target = target;
        this.workload = workload;
        this.apiKey = target.resolvedApiKey();
        this.missingKey = missingKey(target, apiKey);
    }

    private static String missingKey(LlmTarget target, String apiKey) {
        if (apiKey != null) {
            return null;
        }
        if (target.apiKeyEnv() != null) {
            return "API key missing: environment variable " + target.apiKeyEnv() + " (target.api_key_env) is not set";
        }
        if ("openai".equals(target.provider()) || "anthropic".equals(target.provider())) {
            return "API key missing: provider " + target.provider() + " needs target.api_key_env (or a key stored with the target)";
        }
        return null; // mock, custom and OpenAI-compatible servers may take requests without a key
    }

    @Override
    public Outcome execute(RequestContext context) throws InterruptedException {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        submit(context, result::complete);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Exchange exchange = inFlight;
            if (exchange != null) {
                exchange.abort("interrupted");
            }
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void submit(RequestContext context, Consumer<Outcome> done) {
        long send = clock.nanoTime();
        Exchange exchange = new Exchange(context, send, done);
        inFlight = exchange;
        if (closed) {
            exchange.finishLater(Outcome.failure(ErrorClasses.RESET, "session closed", Timings.of(send, send)));
            return;
        }
        if (missingKey != null) {
            exchange.finishLater(Outcome.failure(AUTH, missingKey, Timings.of(send, clock.nanoTime())));
            return;
        }
        exchange.start();
    }

    @Override
    public void close() {
        closed = true;
        Exchange exchange = inFlight;
        if (exchange != null) {
            exchange.abort("aborted: session closed");
        }
        if (loopStream != null) {
            loopStream.close();
        }
    }

    /** One request (and for async automations its polls), finishing exactly once. */
    private final class Exchange {
        private final RequestContext context;
        private final long send;
        private final Consumer<Outcome> done;
        private final AtomicBoolean finished = new AtomicBoolean();
        private final List<Long> pollTimes = new ArrayList<>();
        private volatile CompletableFuture<?> pending;
        private volatile SseSubscriber stream;
        private volatile ScheduledFuture<?> timeout;
        private volatile boolean onLoop;

        Exchange(RequestContext context, long send, Consumer<Outcome> done) {
            this.context = context;
            this.send = send;
            this.done = done;
        }

        void start() {
            if (loopStream != null && workload.api().streams()) {
                startOnLoop();
                return;
            }
            HttpRequest request;
            try {
                request = firstRequest();
            } catch (IllegalArgumentException e) {
                // the JDK's message repeats a refused header value, which may hold the key
                String why = apiKey == null ? e.getMessage() : e.getMessage().replace(apiKey, "***");
                finishLater(Outcome.failure(ErrorClasses.PROTOCOL, "invalid request: " + why, Timings.of(send, clock.nanoTime())));
                return;
            }
            timeout = timer.schedule(() -> abortAs(ErrorClasses.TIMEOUT,
                    "not finished within " + context.timeoutNanos() / 1_000_000 + " ms"),
                    context.timeoutNanos(), TimeUnit.NANOSECONDS);
            if (workload.api().streams()) {
                CompletableFuture<Outcome> response = client.sendAsync(request, this::streamHandler)
                        .thenApply(HttpResponse::body);
                pending = response;
                response.whenComplete((outcome, error) -> finish(outcome != null ? outcome : transportFailure(error)));
            } else {
                CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
                pending = response;
                response.whenComplete((r, error) -> {
                    if (error != null) {
                        finish(transportFailure(error));
                    } else if (workload.api() == LlmApi.AUTOMATION_SYNC) {
                        finish(automationResult(r, true));
                    } else {
                        submitted(r);
                    }
                });
            }
        }

        /** The stream over the session's own connection on the event loop; the loop watches its deadline. */
        private void startOnLoop() {
            byte[] request;
            try {
                URI uri = URI.create(target.base() + workload.path().renderText(context));
                request = LoopStream.request(uri, loopHeaders(), body());
            } catch (IllegalArgumentException e) {
                String why = apiKey == null ? e.getMessage() : e.getMessage().replace(apiKey, "***");
                finishLater(Outcome.failure(ErrorClasses.PROTOCOL, "invalid request: " + why, Timings.of(send, clock.nanoTime())));
                return;
            }
            onLoop = true;
            loopStream.submit(request, send, context.timeoutNanos(), newCollector(), this::finish);
        }

        private List<String[]> loopHeaders() {
            List<String[]> headers = new ArrayList<>();
            headers.add(new String[] {"Content-Type", "application/json"});
            headers.add(new String[] {"Accept", "text/event-stream"});
            for (HttpWorkload.Header header : workload.headers()) {
                headers.add(new String[] {header.name(), header.value().renderText(context)});
            }
            LlmProviders.authHeaders(target.provider(), apiKey).forEach((name, value) -> headers.add(new String[] {name, value}));
            return headers;
        }

        private StreamCollector newCollector() {
            boolean endRequired = workload.api().promptBody() || workload.endEvent() != null;
            return new StreamCollector(workload.api().newFormat(workload.endEvent(), workload.errorEvents()), endRequired, send);
        }

        private HttpResponse.BodySubscriber<Outcome> streamHandler(HttpResponse.ResponseInfo info) {
            long at = clock.nanoTime();
            int status = info.statusCode();
            if (status < 200 || status > 299) {
                return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(),
                        body -> Outcome.failure(ErrorClasses.forHttpStatus(status), httpMessage(status, body),
                                new Timings(send, at, clock.nanoTime(), Timings.NONE)));
            }
            String type = info.headers().firstValue("content-type").orElse("");
            if (!type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
                return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(),
                        body -> Outcome.failure(ErrorClasses.PROTOCOL, "expected a text/event-stream answer, got "
                                + (type.isEmpty() ? "no content type" : type) + ": " + LlmProviders.excerpt(body, apiKey),
                                new Timings(send, at, clock.nanoTime(), Timings.NONE)));
            }
            SseSubscriber subscriber = new SseSubscriber(newCollector());
            stream = subscriber;
            return subscriber;
        }

        /** The async automation's submit answer: read the run id, then poll. */
        private void submitted(HttpResponse<byte[]> response) {
            long at = clock.nanoTime();
            pollTimes.add(at);
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                finish(Outcome.failure(ErrorClasses.forHttpStatus(status), httpMessage(status, response.body()), timings(at)));
                return;
            }
            LlmWorkload.AsyncAutomation polling = workload.automation();
            JsonNode body = LlmProviders.jsonObject(response.body());
            JsonNode runId = body == null ? null : body.get(polling.runIdField());
            if (runId == null || runId.isNull() || runId.isContainerNode()) {
                finish(Outcome.failure(ErrorClasses.PROTOCOL, "the submit answer has no \"" + polling.runIdField() + "\": "
                        + LlmProviders.excerpt(response.body(), apiKey), timings(at)));
                return;
            }
            URI statusUri = URI.create(target.base() + polling.statusPath().replace("${run_id}", runId.asText()));
            poll(statusUri);
        }

        private void poll(URI statusUri) {
            long wait = workload.automation().pollInterval().toNanos();
            ScheduledFuture<?> next = timer.schedule(() -> {
                if (finished.get()) {
                    return;
                }
                HttpRequest request = authorized(HttpRequest.newBuilder(statusUri).GET()).build();
                CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
                pending = response;
                response.whenComplete((r, error) -> {
                    if (error != null) {
                        finish(transportFailure(error));
                        return;
                    }
                    pollTimes.add(clock.nanoTime());
                    Outcome outcome = automationResult(r, false);
                    if (outcome != null) {
                        finish(outcome);
                    } else {
                        poll(statusUri);
                    }
                });
            }, wait, TimeUnit.NANOSECONDS);
            pending = null;
            if (finished.get()) {
                next.cancel(false);
            }
        }

        /**
         * A sync result or a poll answer: the final outcome, or {@code null} while an async run goes on.
         * A status field naming a failed state makes it an {@code automation_failed} error.
         */
        private Outcome automationResult(HttpResponse<byte[]> response, boolean sync) {
            long at = clock.nanoTime();
            if (sync) {
                pollTimes.add(at);
            }
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                return Outcome.failure(ErrorClasses.forHttpStatus(status), httpMessage(status, response.body()), timings(at));
            }
            JsonNode body = LlmProviders.jsonObject(response.body());
            String statusField = workload.automation() == null ? "status" : workload.automation().statusField();
            String runStatus = body == null ? null : body.path(statusField).asText(null);
            if (sync) {
                if (runStatus != null && List.of("failed", "error", "cancelled").contains(runStatus.toLowerCase(Locale.ROOT))) {
                    return Outcome.failure(AUTOMATION_FAILED, "the automation reported " + statusField + " " + runStatus
                            + ": " + LlmProviders.excerpt(response.body(), apiKey), timings(at));
                }
                return Outcome.success(timings(at), times(), null);
            }
            if (runStatus == null) {
                return Outcome.failure(ErrorClasses.PROTOCOL, "the status answer has no \"" + statusField + "\": "
                        + LlmProviders.excerpt(response.body(), apiKey), timings(at));
            }
            if (!workload.automation().terminal().contains(runStatus)) {
                return null;
            }
            if (workload.automation().failed().contains(runStatus)) {
                return Outcome.failure(AUTOMATION_FAILED, "the automation reported " + statusField + " " + runStatus
                        + ": " + LlmProviders.excerpt(response.body(), apiKey), timings(at));
            }
            return Outcome.success(timings(at), times(), null);
        }

        private Timings timings(long end) {
            long first = pollTimes.isEmpty() ? Timings.NONE : pollTimes.get(0);
            return new Timings(send, first, Math.max(end, send), Timings.NONE);
        }

        private long[] times() {
            return pollTimes.stream().mapToLong(Long::longValue).toArray();
        }

        private HttpRequest firstRequest() {
            URI uri = URI.create(target.base() + workload.path().renderText(context));
            // no client-side request timeout: the exchange's own timer covers headers, body and polls alike
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
            byte[] body = body();
            builder.header("content-type", "application/json");
            if (workload.api().streams()) {
                builder.header("accept", "text/event-stream");
            }
            for (HttpWorkload.Header header : workload.headers()) {
                builder.header(header.name(), header.value().renderText(context));
            }
            builder.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            return authorized(builder).build();
        }

        private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
            LlmProviders.authHeaders(target.provider(), apiKey).forEach(builder::header);
            return builder;
        }

        private byte[] body() {
            if (!workload.api().promptBody()) {
                return workload.body() == null ? null : workload.body().render(context);
            }
            if (workload.api() == LlmApi.GATEWAY) {
                return gatewayBody();
            }
            ObjectNode body = JSON.createObjectNode();
            body.put("model", workload.model());
            String prompt = workload.prompts().prompt(context);
            if (workload.api() == LlmApi.OPENAI_COMPLETIONS) {
                body.put("prompt", prompt);
            } else {
                body.putArray("messages").addObject().put("role", "user").put("content", prompt);
            }
            if (workload.maxTokens() != null) {
                body.put("max_tokens", workload.maxTokens());
            }
            body.put("stream", true);
            if (workload.api() != LlmApi.ANTHROPIC) {
                body.putObject("stream_options").put("include_usage", true);
            }
            try {
                return JSON.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The gateway's request: {@code {query, model?, provider?, max_tokens?, stream: true}}. */
        private byte[] gatewayBody() {
            ObjectNode body = JSON.createObjectNode().put("query", workload.prompts().prompt(context));
            if (workload.model() != null) {
                body.put("model", workload.model());
            }
            if (workload.gatewayProvider() != null) {
                body.put("provider", workload.gatewayProvider());
            }
            if (workload.maxTokens() != null) {
                body.put("max_tokens", workload.maxTokens());
            }
            body.put("stream", true);
            try {
                return JSON.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private Outcome transportFailure(Throwable error) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            long now = clock.nanoTime();
            if (closed) {
                return Outcome.failure(ErrorClasses.RESET, "aborted: session closed", Timings.of(send, now));
            }
            TransportErrors.Reason reason = TransportErrors.classifyJdkClient(cause, context.timeoutNanos() / 1_000_000);
            return Outcome.failure(reason.errorClass(), reason.message(), Timings.of(send, now));
        }

        /** Ends the exchange now with {@code errorClass}: a timeout, or the session closing. */
        void abortAs(String errorClass, String message) {
            if (onLoop) {
                loopStream.cutOff(errorClass, message);
                return;
            }
            SseSubscriber subscriber = stream;
            if (subscriber != null) {
                subscriber.cutOff(errorClass, message);
            } else {
                finish(Outcome.failure(errorClass, message + (pollTimes.isEmpty() ? "" : " after " + pollTimes.size() + " answers"),
                        timings(clock.nanoTime())));
            }
            CompletableFuture<?> p = pending;
            if (p != null) {
                p.cancel(true);
            }
        }

        void abort(String message) {
            abortAs(ErrorClasses.RESET, message);
        }

        /**
         * Finishes on the timer's thread: an outcome known inside {@link #submit} must not reach {@code done}
         * there, or a closed-loop user that submits again from {@code done} recurses until the stack overflows.
         */
        void finishLater(Outcome outcome) {
            try {
                timer.execute(() -> finish(outcome));
            } catch (RejectedExecutionException e) {
                Thread.startVirtualThread(() -> finish(outcome)); // the driver is closing: its timer is gone
            }
        }

        void finish(Outcome outcome) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            ScheduledFuture<?> t = timeout;
            if (t != null) {
                t.cancel(false);
            }
            if (inFlight == this) {
                inFlight = null;
            }
            if (workload.api() == LlmApi.AUTOMATION_SSE) {
                outcome = asAutomation(outcome);
            }
            done.accept(outcome);
        }

        /** Progress events are not tokens: an automation's outcome keeps its event times only, and its failures their own class. */
        private Outcome asAutomation(Outcome outcome) {
            return switch (outcome) {
                case Outcome.Success s -> Outcome.success(s.timings(), s.eventTimes(), null);
                case Outcome.Failure f -> Outcome.failure(StreamCollector.STREAM_ERROR.equals(f.errorClass()) ? AUTOMATION_FAILED
                        : f.errorClass(), f.message(), f.timings(), f.eventTimes(), null);
            };
        }

        /** Reads the body as it arrives, timestamping each chunk; completes with the outcome. */
        private final class SseSubscriber implements HttpResponse.BodySubscriber<Outcome> {
            private final StreamCollector collector;
            private final CompletableFuture<Outcome> result = new CompletableFuture<>();
            private volatile Flow.Subscription subscription;

            SseSubscriber(StreamCollector collector) {
                this.collector = collector;
            }

            @Override
            public java.util.concurrent.CompletionStage<Outcome> getBody() {
                return result;
            }

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(List<ByteBuffer> buffers) {
                long at = clock.nanoTime();
                synchronized (collector) {
                    for (ByteBuffer buffer : buffers) {
                        if (buffer.hasArray()) {
                            collector.bytes(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining(), at);
                        } else {
                            byte[] copy = new byte[buffer.remaining()];
                            buffer.get(copy);
                            collector.bytes(copy, 0, copy.length, at);
                        }
                    }
                }
                subscription.request(1);
            }

            @Override
            public void onError(Throwable error) {
                TransportErrors.Reason reason = TransportErrors.classifyJdkClient(error, context.timeoutNanos() / 1_000_000);
                synchronized (collector) {
                    if (result.isDone()) {
                        return;
                    }
                    result.complete(collector.outcome(clock.nanoTime(), Timings.NONE, reason.errorClass(),
                            "the stream broke off (" + reason.message() + ")"));
                }
            }

            @Override
            public void onComplete() {
                synchronized (collector) {
                    if (result.isDone()) {
                        return;
                    }
                    result.complete(collector.outcome(clock.nanoTime(), Timings.NONE, null, null));
                }
            }

            /** Stops reading now and completes as cut off ({@code timeout}, session closed). */
            void cutOff(String errorClass, String message) {
                Outcome outcome = null;
                synchronized (collector) {
                    // complete before cancelling: a cancel makes the client report an error that must not win
                    if (!result.isDone()) {
                        outcome = collector.outcome(clock.nanoTime(), Timings.NONE, errorClass, message);
                        result.complete(outcome);
                    }
                }
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
                if (outcome != null) {
                    finish(outcome);
                }
            }
        }
    }

    private String httpMessage(int status, byte[] body) {
        return httpMessage(status, body, apiKey);
    }

    /** A refused answer's message: its status and the provider's error text, the key masked. */
    static String httpMessage(int status, byte[] body, String apiKey) {
        String detail = LlmProviders.errorMessage(body, apiKey);
        return "HTTP " + status + ": " + (detail.isEmpty() ? "empty body" : detail);
    }
}
