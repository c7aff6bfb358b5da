package dev.benchdeck.driver.llm;

import dev.benchdeck.driver.http.TransportErrors;
import dev.benchdeck.driver.llm.stream.LlmProviders;
import dev.benchdeck.driver.llm.stream.StreamCollector;
import dev.benchdeck.engine.driver.AsyncSession;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One virtual user of the {@code llm} driver: sends each request ({@link LlmRequests}) and ends it
 * exactly once. A stream over plain HTTP/1.1 is read by its {@link LoopStream}, one over https by the
 * JDK client ({@link JdkStreamReader}), both into the API's stream format ({@link StreamCollector});
 * automations are timed from the submit to the final status ({@link AutomationAnswers}). Errors of the system under test come back as failures:
 * HTTP statuses with the provider's message, a non-SSE answer, in-stream errors, malformed chunks,
 * a stream cut off or never finished (the request timeout covers the whole stream).
 */
final class LlmSession implements AsyncSession {

    /** An automation reported that its run failed. */
    static final String AUTOMATION_FAILED = AutomationAnswers.AUTOMATION_FAILED;
    /** No API key where one is needed: every request fails with this class, and the run goes on. */
    static final String AUTH = "auth";

    private final EngineClock clock;
    private final HttpClient client;
    private final ScheduledExecutorService timer;
    private final LlmTarget target;
    private final LlmWorkload workload;
    private final String apiKey;
    private final LlmRequests requests;
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
        this.requests = new LlmRequests(target, workload, apiKey);
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
        private final AutomationAnswers answers;
        private volatile CompletableFuture<?> pending;
        private volatile JdkStreamReader stream;
        private volatile ScheduledFuture<?> timeout;
        private volatile boolean onLoop;

        Exchange(RequestContext context, long send, Consumer<Outcome> done) {
            this.context = context;
            this.send = send;
            this.done = done;
            this.answers = new AutomationAnswers(workload, apiKey, send);
        }

        void start() {
            try {
                if (loopStream != null && workload.api().streams()) {
                    byte[] request = requests.loopRequest(context);
                    onLoop = true;
                    loopStream.submit(request, send, context.timeoutNanos(), newCollector(), this::finish);
                } else {
                    startOnJdkClient(requests.jdkRequest(context));
                }
            } catch (IllegalArgumentException e) {
                // the message repeats a refused header value, which may hold the key
                String why = apiKey == null ? e.getMessage() : e.getMessage().replace(apiKey, "***");
                finishLater(Outcome.failure(ErrorClasses.PROTOCOL, "invalid request: " + why, Timings.of(send, clock.nanoTime())));
            }
        }

        private void startOnJdkClient(HttpRequest request) {
            timeout = timer.schedule(() -> abortAs(ErrorClasses.TIMEOUT,
                    "not finished within " + context.timeoutNanos() / 1_000_000 + " ms"),
                    context.timeoutNanos(), TimeUnit.NANOSECONDS);
            if (workload.api().streams()) {
                CompletableFuture<Outcome> response = client.sendAsync(request, this::streamHandler)
                        .thenApply(HttpResponse::body);
                pending = response;
                response.whenComplete((outcome, error) -> finish(outcome != null ? outcome : transportFailure(error)));
                return;
            }
            CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
            pending = response;
            response.whenComplete((r, error) -> {
                if (error != null) {
                    finish(transportFailure(error));
                } else if (workload.api() == LlmApi.AUTOMATION_SYNC) {
                    finish(answers.result(r, true, clock.nanoTime()));
                } else {
                    submitted(r);
                }
            });
        }

        private StreamCollector newCollector() {
            boolean endRequired = workload.api().promptBody() || workload.endEvent() != null;
            return new StreamCollector(workload.api().newFormat(workload.endEvent(), workload.errorEvents()), endRequired, send);
        }

        /** A refused or non-SSE answer is read whole into its failure; an SSE one is streamed. */
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
            JdkStreamReader reader = new JdkStreamReader(newCollector(), clock, context.timeoutNanos() / 1_000_000);
            stream = reader;
            return reader;
        }

        /** The async automation's submit answer: read the run id, then poll. */
        private void submitted(HttpResponse<byte[]> response) {
            Object runIdOrFailure = answers.runIdOrFailure(response, clock.nanoTime());
            if (runIdOrFailure instanceof Outcome failure) {
                finish(failure);
                return;
            }
            poll(URI.create(target.base() + workload.automation().statusPath().replace("${run_id}", (String) runIdOrFailure)));
        }

        private void poll(URI statusUri) {
            long wait = workload.automation().pollInterval().toNanos();
            ScheduledFuture<?> next = timer.schedule(() -> {
                if (finished.get()) {
                    return;
                }
                CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(requests.poll(statusUri),
                        HttpResponse.BodyHandlers.ofByteArray());
                pending = response;
                response.whenComplete((r, error) -> {
                    if (error != null) {
                        finish(transportFailure(error));
                        return;
                    }
                    Outcome outcome = answers.result(r, false, clock.nanoTime());
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
            JdkStreamReader reader = stream;
            if (reader != null) {
                Outcome outcome = reader.cutOff(errorClass, message);
                if (outcome != null) {
                    finish(outcome);
                }
            } else {
                finish(Outcome.failure(errorClass, message + (answers.answers() == 0 ? "" : " after " + answers.answers() + " answers"),
                        answers.timings(clock.nanoTime())));
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
            done.accept(workload.api() == LlmApi.AUTOMATION_SSE ? AutomationAnswers.asAutomation(outcome) : outcome);
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
