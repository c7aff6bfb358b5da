package dev.benchdeck.gateway.stream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.gateway.cache.AnswerCache;
import dev.benchdeck.gateway.cache.CacheKey;
import dev.benchdeck.gateway.cache.CachedAnswer;
import dev.benchdeck.gateway.config.GatewaySettings;
import dev.benchdeck.gateway.config.ProviderDefinition;
import dev.benchdeck.gateway.http.Problem;
import dev.benchdeck.gateway.http.Responses;
import dev.benchdeck.gateway.limit.ConnectionLimiter;
import dev.benchdeck.gateway.limit.OutputMeter;
import dev.benchdeck.gateway.limit.QueueRejection;
import dev.benchdeck.gateway.limit.RateDecision;
import dev.benchdeck.gateway.provider.ProviderCall;
import dev.benchdeck.gateway.provider.ProviderFailure;
import dev.benchdeck.gateway.provider.ProviderListener;
import dev.benchdeck.gateway.provider.ProviderRequest;
import dev.benchdeck.gateway.provider.Providers;
import dev.benchdeck.gateway.stats.Counter;
import dev.benchdeck.gateway.stats.Stage;
import dev.benchdeck.gateway.stats.Timed;
import dev.benchdeck.mockllm.GeneratedAnswer;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request through the six stages, on its connection's event loop: validation (done by the caller,
 * plus the connection slot), cache, rate limit, provider selection, streaming (with failover before the
 * first chunk, heartbeats, back-pressure) and cleanup. Asynchronous steps (Redis, the queue) come back to
 * the loop, so no state here is touched by two threads.
 */
public final class StreamExchange implements ProviderListener {

    private final StreamContext gw;
    private final ChannelHandlerContext ctx;
    private final EventLoop loop;
    private final StreamRequest request;
    private final String client;
    private final boolean keepAlive;
    private final Runnable onDone;
    private final GatewaySettings settings;
    private final long[] stageNanos = new long[Stage.values().length];
    private final long receivedNanos;

    private ConnectionLimiter.SlotRequest slotRequest;
    private ConnectionLimiter.Slot slot;
    private long queueWaitNanos;
    private String cacheKey;
    private String cacheOutcome = "off";
    private OutputMeter meter = OutputMeter.UNLIMITED;
    private Map<String, String> rateHeaders = Map.of();
    private List<String> candidates;
    private final Set<String> tried = new HashSet<>();
    private Providers.Attempt attempt;
    private ProviderCall call;
    private String servedBy;
    private String servedModel;
    private int failovers;
    private ProviderFailure lastFailure;
    private boolean headersSent;
    private long streamStart;
    private long attemptStart;
    private long firstChunkNanos = -1;
    private final List<String> chunks = new ArrayList<>();
    private final List<Long> chunkTimes = new ArrayList<>();
    private long outputTokens;
    private long lastWrite;
    private ScheduledFuture<?> heartbeat;
    private boolean paused;
    private boolean finished;

    private StreamExchange(StreamContext gw, ChannelHandlerContext ctx, StreamRequest request, String client, boolean keepAlive,
                           Runnable onDone, long receivedNanos) {
        this.gw = gw;
        this.ctx = ctx;
        this.loop = ctx.channel().eventLoop();
        this.request = request;
        this.client = client;
        this.keepAlive = keepAlive;
        this.onDone = onDone;
        this.settings = gw.settings().get();
        this.receivedNanos = receivedNanos;
    }

    /**
     * Stage 1 for a request read at {@code receivedNanos}: checks it and takes a connection slot (waiting
     * in the queue if need be). Returns the running exchange, or null when it was answered at once.
     */
    public static StreamExchange begin(StreamContext gw, ChannelHandlerContext ctx, String contentType, byte[] body,
                                       String client, boolean keepAlive, Runnable onDone, long receivedNanos) {
        gw.stats().count(Counter.REQUESTS);
        GatewaySettings settings = gw.settings().get();
        StreamRequest.Parsed parsed = StreamRequest.parse(contentType, body, settings, gw.providers()::definition);
        if (parsed instanceof StreamRequest.Parsed.Invalid invalid) {
            gw.stats().record(Stage.VALIDATION, System.nanoTime() - receivedNanos);
            gw.stats().count(Counter.REJECTED_INVALID);
            Responses.problem(ctx, invalid.problem(), Map.of(), keepAlive).addListener(f -> onDone.run());
            return null;
        }
        StreamExchange exchange = new StreamExchange(gw, ctx, ((StreamRequest.Parsed.Valid) parsed).request(), client, keepAlive,
                onDone, receivedNanos);
        exchange.takeSlot();
        return exchange;
    }

    private void takeSlot() {
        slotRequest = gw.connections().acquire(loop);
        stage(Stage.VALIDATION, System.nanoTime() - receivedNanos);
        if (slotRequest.slot().isDone()) {
            try {
                slotTaken(slotRequest.slot().join(), null);
            } catch (java.util.concurrent.CompletionException e) {
                slotTaken(null, e.getCause());
            }
            return;
        }
        gw.stats().count(Counter.QUEUE_WAITS);
        long queued = System.nanoTime();
        slotRequest.slot().whenComplete((s, error) -> onLoop(() -> {
            queueWaitNanos = System.nanoTime() - queued;
            gw.stats().record(Timed.QUEUE_WAIT, queueWaitNanos);
            slotTaken(s, error);
        }));
    }

    private void slotTaken(ConnectionLimiter.Slot taken, Throwable error) {
        if (error != null || taken == null) {
            if (finished) {
                return;
            }
            QueueRejection rejection = error instanceof QueueRejection r ? r
                    : error != null && error.getCause() instanceof QueueRejection r2 ? r2 : null;
            boolean timeout = rejection != null && rejection.reason() == QueueRejection.Reason.TIMEOUT;
            gw.stats().count(timeout ? Counter.QUEUE_TIMEOUTS : Counter.QUEUE_FULL);
            long retry = Math.max(1, (settings.queueTimeoutMs() + 999) / 1000);
            refuse(Problem.of(503, "Service unavailable", rejection != null ? rejection.getMessage() : "no connection slot")
                    .withCode(timeout ? "queue_timeout" : "queue_full").withHeader("Retry-After", Long.toString(retry)));
            return;
        }
        if (finished) {
            taken.release();
            return;
        }
        slot = taken;
        lookUp();
    }

    // stage 2
    private void lookUp() {
        if (!settings.enableCaching()) {
            limit();
            return;
        }
        String provider = settings.useFakeLlm() ? ProviderDefinition.FAKE : request.provider();
        cacheKey = CacheKey.of(provider, request.model(), request.maxTokens(), request.temperature(), request.query());
        long t0 = System.nanoTime();
        gw.stats().count(Counter.CACHE_LOOKUPS);
        after(gw.cache().lookup(cacheKey), (hit, error) -> {
            stage(Stage.CACHE, System.nanoTime() - t0);
            if (hit != null) {
                gw.stats().count(hit.level() == AnswerCache.Level.L1 ? Counter.CACHE_L1_HITS : Counter.CACHE_L2_HITS);
                cacheOutcome = hit.level().name().toLowerCase(Locale.ROOT);
                replay(hit.answer());
            } else {
                gw.stats().count(Counter.CACHE_MISSES);
                cacheOutcome = "miss";
                limit();
            }
        });
    }

    // stage 3
    private void limit() {
        long t0 = System.nanoTime();
        long input = GeneratedAnswer.countTokens(request.query());
        after(gw.rateLimiter().admit(client, input, settings.rateLimit()), (decision, error) -> {
            stage(Stage.RATE_LIMIT, System.nanoTime() - t0);
            if (decision instanceof RateDecision.Denied denied) {
                boolean tokens = denied.which() == RateDecision.Limit.TOKENS_PER_MINUTE;
                gw.stats().count(tokens ? Counter.RATE_LIMITED_TOKENS : Counter.RATE_LIMITED_REQUESTS);
                Map<String, String> headers = rateLimitHeaders(denied.limit(), denied.remaining(), denied.resetSeconds());
                headers.put("Retry-After", Long.toString(denied.retryAfterSeconds()));
                refuse(Problem.of(429, "Too many requests", tokens
                        ? "the client's tokens per minute (" + denied.limit() + ") are used up; this request needs " + input
                        : "the client's requests per minute (" + denied.limit() + ") are used up")
                        .withCode(tokens ? "tokens_per_minute" : "requests_per_minute").withHeaders(headers));
                return;
            }
            RateDecision.Allowed allowed = (RateDecision.Allowed) decision;
            gw.stats().add(Counter.INPUT_TOKENS, input);
            meter = allowed.meter();
            if (allowed.limit() > 0) {
                rateHeaders = rateLimitHeaders(allowed.limit(), allowed.remaining(), allowed.resetSeconds());
            }
            candidates = candidates();
            select();
        });
    }

    private static Map<String, String> rateLimitHeaders(long limit, long remaining, long reset) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", Long.toString(limit));
        headers.put("RateLimit-Remaining", Long.toString(Math.max(0, remaining)));
        headers.put("RateLimit-Reset", Long.toString(reset));
        headers.put("RateLimit-Policy", limit + ";w=60");
        return headers;
    }

    /** The requested provider, then provider_order; with use_fake_llm, the fake alone. */
    private List<String> candidates() {
        if (settings.useFakeLlm()) {
            return List.of(ProviderDefinition.FAKE);
        }
        List<String> order = new ArrayList<>();
        order.add(request.provider());
        settings.providerOrder().stream().filter(p -> !p.equals(request.provider())).forEach(order::add);
        return order;
    }

    // stage 4
    private void select() {
        long t0 = System.nanoTime();
        attempt = gw.providers().select(candidates, tried);
        stageNanos[Stage.PROVIDER_SELECTION.ordinal()] += System.nanoTime() - t0;
        if (attempt == null) {
            if (headersSent || lastFailure != null) {
                fail("all_providers_failed", "every provider failed before its first chunk; the last: "
                        + (lastFailure == null ? "none could be tried" : lastFailure.code() + ": " + lastFailure.message()));
                return;
            }
            gw.stats().count(Counter.NO_PROVIDER);
            stage(Stage.PROVIDER_SELECTION, stageNanos[Stage.PROVIDER_SELECTION.ordinal()]);
            refuse(Problem.of(503, "Service unavailable", "no provider can take the request: the circuits of "
                    + String.join(", ", candidates) + " are open").withCode("no_provider")
                    .withHeader("Retry-After", Long.toString(Math.max(1, settings.circuitBreaker().openDuration().toSeconds()))));
            return;
        }
        if (!tried.isEmpty()) {
            gw.stats().count(Counter.FAILOVERS);
            failovers++;
        }
        tried.add(attempt.provider().name());
        startStreaming();
    }

    // stage 5
    private void startStreaming() {
        long now = System.nanoTime();
        if (streamStart == 0) {
            streamStart = now;
        }
        if (request.stream() && !headersSent) {
            sendHeaders();
            scheduleHeartbeat();
        }
        ProviderDefinition definition = attempt.provider().definition();
        servedBy = definition.name();
        servedModel = definition.allows(request.model()) || definition.firstModel() == null ? request.model() : definition.firstModel();
        attemptStart = now;
        call = attempt.provider().stream(new ProviderRequest(request.query(), servedModel, request.maxTokens(), request.temperature()),
                loop, this);
    }

    @Override
    public void chunk(String content) {
        if (finished) {
            return;
        }
        long now = System.nanoTime();
        if (firstChunkNanos < 0) {
            firstChunkNanos = now - attemptStart;
        }
        long tokens = content.isBlank() ? 0 : GeneratedAnswer.countTokens(content);
        if (!meter.add(tokens)) {
            gw.stats().count(Counter.TOKEN_LIMIT_CUTS);
            call.cancel();
            attempt.abandoned();
            fail("token_limit", "the client's tokens per minute (" + settings.rateLimit().tokensPerMinute()
                    + ") ran out during the answer");
            return;
        }
        outputTokens += tokens;
        gw.stats().add(Counter.OUTPUT_TOKENS, tokens);
        int index = chunks.size();
        chunks.add(content);
        chunkTimes.add(now);
        if (request.stream()) {
            write(SseFrames.chunk(content, index), true);
            if (!ctx.channel().isWritable() && !paused) {
                paused = true;
                call.pause();
            }
        }
    }

    @Override
    public void completed() {
        if (finished) {
            return;
        }
        attempt.succeeded(firstChunkNanos < 0 ? System.nanoTime() - attemptStart : firstChunkNanos);
        endStreaming();
        cleanUp(true);
    }

    @Override
    public void failed(ProviderFailure failure) {
        if (finished) {
            return;
        }
        attempt.failed(failure);
        lastFailure = failure;
        if (chunks.isEmpty()) {
            select(); // nothing was relayed yet: the next provider may answer instead
            return;
        }
        fail(failure.code(), failure.message());
    }

    /** The answer began and cannot be finished: an error event (or a 502 for stream: false), counted as failed. */
    private void fail(String code, String message) {
        endStreaming();
        cleanUp(false);
        gw.stats().count(Counter.FAILED);
        ObjectNode error = JsonNodeFactory.instance.objectNode().put("code", code).put("message", message)
                .put("chunk_index", chunks.size());
        if (request.stream()) {
            write(SseFrames.event("error", Responses.compact(error)), false);
            write(SseFrames.event("timing", Responses.compact(timing())), false);
            end();
        } else {
            Responses.problem(ctx, Problem.of(502, "Bad gateway", message).withCode(code), serverTiming(), keepAlive)
                    .addListener(f -> onDone.run());
        }
    }

    // stage 6
    private void cleanUp(boolean whole) {
        long t0 = System.nanoTime();
        finished = true;
        cancelHeartbeat();
        if (whole && settings.enableCaching() && cacheKey != null) {
            gw.cache().store(cacheKey, answer());
            gw.stats().count(Counter.CACHE_STORES);
        }
        meter.close();
        release();
        if (whole) {
            gw.stats().count(Counter.COMPLETED);
        }
        stage(Stage.CLEANUP, System.nanoTime() - t0);
        if (whole) {
            deliver();
        }
    }

    private CachedAnswer answer() {
        long[] offsets = new long[chunkTimes.size()];
        long first = chunkTimes.isEmpty() ? 0 : chunkTimes.get(0);
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = (chunkTimes.get(i) - first) / 1_000;
        }
        return new CachedAnswer(chunks, offsets, servedBy, servedModel);
    }

    private void deliver() {
        if (request.stream()) {
            write(SseFrames.event("timing", Responses.compact(timing())), false);
            write(SseFrames.DONE, false);
            end();
            return;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("content", String.join("", chunks)).put("chunks", chunks.size()).put("output_tokens", outputTokens)
                .put("provider", servedBy).put("model", servedModel).put("cache", cacheOutcome).put("failovers", failovers);
        body.set("timing", timing());
        Map<String, String> headers = new LinkedHashMap<>(rateHeaders);
        headers.putAll(serverTiming());
        Responses.json(ctx, 200, body, headers, keepAlive).addListener(f -> onDone.run());
    }

    // a cache hit: replayed as a stream (or whole), then stage 6
    private void replay(CachedAnswer cached) {
        servedBy = cached.provider();
        servedModel = cached.model();
        long t0 = System.nanoTime();
        if (!request.stream()) {
            chunks.addAll(cached.chunks());
            outputTokens = cached.chunks().stream().mapToLong(c -> c.isBlank() ? 0 : GeneratedAnswer.countTokens(c)).sum();
            gw.stats().record(Timed.CACHE_REPLAY, System.nanoTime() - t0);
            finishReplay();
            return;
        }
        sendHeaders();
        if (GatewaySettings.REPLAY_AS_CACHED.equals(settings.cacheReplay())) {
            scheduleHeartbeat();
            replayAt(cached, 0, System.nanoTime(), t0);
            return;
        }
        for (int i = 0; i < cached.chunks().size(); i++) {
            chunks.add(cached.chunks().get(i));
            write(SseFrames.chunk(cached.chunks().get(i), i), false);
        }
        ctx.flush();
        gw.stats().record(Timed.CACHE_REPLAY, System.nanoTime() - t0);
        finishReplay();
    }

    private void replayAt(CachedAnswer cached, int index, long origin, long t0) {
        if (finished) {
            return;
        }
        if (index == cached.chunks().size()) {
            gw.stats().record(Timed.CACHE_REPLAY, System.nanoTime() - t0);
            finishReplay();
            return;
        }
        long due = origin + cached.offsetsMicros()[index] * 1_000 - System.nanoTime();
        if (due > 0) {
            loop.schedule(() -> replayAt(cached, index, origin, t0), due, TimeUnit.NANOSECONDS);
            return;
        }
        chunks.add(cached.chunks().get(index));
        write(SseFrames.chunk(cached.chunks().get(index), index), true);
        replayAt(cached, index + 1, origin, t0);
    }

    private void finishReplay() {
        finished = true;
        long t0 = System.nanoTime();
        cancelHeartbeat();
        release();
        gw.stats().count(Counter.COMPLETED);
        stage(Stage.CLEANUP, System.nanoTime() - t0);
        deliver();
    }

    /** The client went away (or the connection broke): stop the upstream at once and free everything. */
    public void clientGone() {
        if (finished) {
            return;
        }
        finished = true;
        cancelHeartbeat();
        if (call != null) {
            call.cancel();
        }
        if (attempt != null) {
            attempt.abandoned();
            endStreaming();
        }
        if (slotRequest != null && slot == null) {
            slotRequest.cancel();
        }
        meter.close();
        release();
        gw.stats().count(Counter.CLIENT_DISCONNECTED);
    }

    /** The client's socket drained (or filled): resume (or pause) the provider. */
    public void writabilityChanged() {
        if (call == null || finished) {
            return;
        }
        boolean writable = ctx.channel().isWritable();
        if (writable && paused) {
            paused = false;
            call.resume();
        } else if (!writable && !paused) {
            paused = true;
            call.pause();
        }
    }

    private void refuse(Problem problem) {
        finished = true;
        release();
        Responses.problem(ctx, problem, serverTiming(), keepAlive).addListener(f -> onDone.run());
    }

    private void release() {
        if (slot != null) {
            slot.release();
        }
    }

    private void sendHeaders() {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                .set("X-Accel-Buffering", "no")
                .set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        rateHeaders.forEach(response.headers()::set);
        ctx.writeAndFlush(response);
        headersSent = true;
        lastWrite = System.nanoTime();
    }

    private void write(String frame, boolean flush) {
        DefaultHttpContent content = new DefaultHttpContent(Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8));
        if (flush) {
            ctx.writeAndFlush(content);
        } else {
            ctx.write(content);
        }
        lastWrite = System.nanoTime();
    }

    private void end() {
        var written = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        written.addListener(f -> onDone.run());
    }

    private void scheduleHeartbeat() {
        long interval = TimeUnit.MILLISECONDS.toNanos(settings.heartbeatIntervalMs());
        long delay = Math.max(0, lastWrite + interval - System.nanoTime());
        heartbeat = loop.schedule(() -> {
            if (finished) {
                return;
            }
            if (System.nanoTime() - lastWrite >= interval) {
                write(SseFrames.HEARTBEAT, true);
            }
            scheduleHeartbeat();
        }, delay, TimeUnit.NANOSECONDS);
    }

    private void cancelHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    private void stage(Stage stage, long nanos) {
        stageNanos[stage.ordinal()] = nanos;
        gw.stats().record(stage, nanos);
    }

    /** Stages 4 and 5 end together: selection summed over failovers, streaming from the first try to now. */
    private void endStreaming() {
        if (streamStart > 0) {
            stage(Stage.PROVIDER_SELECTION, stageNanos[Stage.PROVIDER_SELECTION.ordinal()]);
            stage(Stage.STREAMING, System.nanoTime() - streamStart);
        }
    }

    /** {"stages_ms": {six stages}, "queue_wait_ms", "total_ms", "provider", "model", "cache", "failovers", "chunks", "output_tokens", "instance_id"}. */
    private ObjectNode timing() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode stages = out.putObject("stages_ms");
        for (Stage s : Stage.values()) {
            stages.put(s.key(), ms(stageNanos[s.ordinal()]));
        }
        out.put("queue_wait_ms", ms(queueWaitNanos)).put("total_ms", ms(System.nanoTime() - receivedNanos));
        out.put("provider", servedBy).put("model", servedModel).put("cache", cacheOutcome).put("failovers", failovers)
                .put("chunks", chunks.size()).put("output_tokens", outputTokens).put("instance_id", gw.instanceId());
        return out;
    }

    /** {@code Server-Timing: validation;dur=0.021, queue_wait;dur=0, cache;dur=0.004;desc="miss", …} in milliseconds. */
    private Map<String, String> serverTiming() {
        StringBuilder header = new StringBuilder();
        for (Stage s : Stage.values()) {
            header.append(s.key()).append(";dur=").append(ms(stageNanos[s.ordinal()]));
            if (s == Stage.CACHE) {
                header.append(";desc=\"").append(cacheOutcome).append('"');
            }
            header.append(", ");
            if (s == Stage.VALIDATION) {
                header.append("queue_wait;dur=").append(ms(queueWaitNanos)).append(", ");
            }
        }
        header.append("total;dur=").append(ms(System.nanoTime() - receivedNanos));
        return Map.of("Server-Timing", header.toString());
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }

    private <T> void after(CompletionStage<T> stage, java.util.function.BiConsumer<T, Throwable> next) {
        stage.whenComplete((value, error) -> onLoop(() -> {
            if (!finished) {
                next.accept(value, error);
            }
        }));
    }

    private void onLoop(Runnable action) {
        if (loop.inEventLoop()) {
            action.run();
        } else {
            loop.execute(action);
        }
    }
}
