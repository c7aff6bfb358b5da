package dev.benchdeck.mockllm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** The flow every LLM endpoint shares: parse, plan, answer faults, then stream or answer whole. */
abstract class LlmEndpoint implements Endpoint {

    private final Supplier<MockLlmConfig> config;
    private final MockStats stats;
    private final StreamScheduler scheduler;

    LlmEndpoint(Supplier<MockLlmConfig> config, MockStats stats, StreamScheduler scheduler) {
        this.config = config;
        this.stats = stats;
        this.scheduler = scheduler;
    }

    abstract Dialect dialect();

    abstract LlmRequest parse(ObjectNode body);

    abstract StreamFrames frames(LlmRequest request);

    abstract ObjectNode wholeAnswer(LlmRequest request, String text, StreamPlan plan);

    @Override
    public final Outcome handle(HttpExchange exchange, long startNanos) throws IOException, InterruptedException {
        LlmRequest request = parse(Json.readObject(Replies.body(exchange)));
        RandomGenerator random = ThreadLocalRandom.current();
        MockLlmConfig current = config.get();
        StreamPlan plan = StreamPlan.resolve(current, exchange.getRequestHeaders(), request.maxTokens(), random);
        if (plan.has(Fault.RATE_LIMIT)) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(current.retryAfterSeconds()));
            Replies.error(exchange, dialect(), ErrorKind.RATE_LIMITED, "mock fault: rate limit reached, retry later");
            return Outcome.RATE_LIMITED;
        }
        if (plan.has(Fault.SERVER_ERROR)) {
            Replies.error(exchange, dialect(), ErrorKind.SERVER_ERROR, "mock fault: internal server error");
            return Outcome.SERVER_ERROR;
        }
        if (plan.has(Fault.STALL)) {
            stats.count(Outcome.STALLED);
        }
        return request.stream() ? stream(exchange, startNanos, request, plan, random) : answerWhole(exchange, startNanos, request, plan, random);
    }

    private Outcome stream(HttpExchange exchange, long startNanos, LlmRequest request, StreamPlan plan, RandomGenerator random)
            throws IOException, InterruptedException {
        stats.streamOpened();
        if (StreamScheduler.plays(plan)) {
            scheduler.play(exchange, startNanos, plan, frames(request), outcome -> {
                stats.count(outcome);
                stats.streamClosed();
            });
            return null; // counted when it ends
        }
        try {
            return TokenStream.stream(exchange, startNanos, plan, frames(request), random);
        } finally {
            stats.streamClosed();
        }
    }

    private Outcome answerWhole(HttpExchange exchange, long startNanos, LlmRequest request, StreamPlan plan, RandomGenerator random)
            throws IOException, InterruptedException {
        TokenStream.awaitLastToken(startNanos, plan, random);
        if (plan.has(Fault.DROP)) {
            throw new ConnectionDropped();
        }
        if (plan.has(Fault.ERROR_EVENT)) {
            Replies.error(exchange, dialect(), ErrorKind.SERVER_ERROR, TokenStream.STREAM_ERROR_MESSAGE);
            return Outcome.ERROR_EVENT;
        }
        Replies.json(exchange, 200, wholeAnswer(request, Vocabulary.tokens(plan.tokens(), random), plan));
        return Outcome.COMPLETED;
    }

    static String randomId(String prefix) {
        return prefix + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }
}
