package dev.benchdeck.ingestor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.ingestor.message.BadMessagesException;
import dev.benchdeck.ingestor.message.FieldProblem;
import dev.benchdeck.ingestor.message.Message;
import dev.benchdeck.ingestor.message.MessageParser;
import dev.benchdeck.ingestor.queue.QueueUnavailableException;
import dev.benchdeck.ingestor.simulate.Simulator;
import dev.benchdeck.ingestor.store.StoredMessage;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One connection's requests, answered in order (a pipelined request waits for the answer before it). Publishes
 * answer 202 only when the queue confirmed them; reads and probes run off the event loop.
 */
public final class HttpRouter extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger(HttpRouter.class.getName());
    static final int MAX_PIPELINED = 64;
    static final int MAX_LIMIT = 1_000;

    private final IngestorApi api;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean busy;

    private HttpRouter(IngestorApi api) {
        this.api = api;
    }

    public static void install(ChannelPipeline pipeline, IngestorApi api, int maxBodyBytes) {
        pipeline.addLast(new HttpServerCodec(8192, 16 * 1024, 64 * 1024), new BodyLimit(maxBodyBytes), new HttpRouter(api));
    }

    /** An oversized body is a 413 problem detail (Netty's own answer has no body). */
    private static final class BodyLimit extends HttpObjectAggregator {
        private final int max;

        BodyLimit(int max) {
            super(max);
            this.max = max;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            Responses.problem(ctx, Problem.of(413, "Request too large", "the body is larger than the limit of " + max
                    + " bytes; send smaller batches"), true); // kept open: the aggregator drains the rest, a close mid-upload would reset the client
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (busy) {
            if (waiting.size() >= MAX_PIPELINED) {
                request.release();
                ctx.close();
                return;
            }
            waiting.addLast(request);
            return;
        }
        serve(ctx, request);
    }

    private void serve(ChannelHandlerContext ctx, FullHttpRequest request) {
        busy = true;
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        try {
            if (request.decoderResult().isFailure()) {
                finish(ctx, Responses.problem(ctx, Problem.of(400, "Malformed request", "the HTTP request cannot be read"), false));
                return;
            }
            route(ctx, request, keepAlive);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "unexpected error", e);
            finish(ctx, Responses.problem(ctx, Problem.of(500, "Internal error", "an unexpected error occurred; see the ingestor's log"), false));
        } finally {
            request.release();
        }
    }

    private void route(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        String method = request.method().name();
        if (api.adminToken() != null && !path.equals("/health") && !authorized(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
            finish(ctx, Responses.problem(ctx, Problem.of(401, "Unauthorized", "send Authorization: Bearer <admin token>"), keepAlive));
            return;
        }
        if (path.equals("/messages")) {
            if (method.equals("POST")) {
                publish(ctx, request, keepAlive);
            } else if (allowed(ctx, method, "GET, POST", keepAlive)) {
                newest(ctx, uri, keepAlive);
            }
        } else if (path.startsWith("/messages/") && path.length() > "/messages/".length()) {
            if (allowed(ctx, method, "GET", keepAlive)) {
                byId(ctx, path.substring("/messages/".length()), keepAlive);
            }
        } else if (path.equals("/stats")) {
            if (allowed(ctx, method, "GET", keepAlive)) {
                offLoop(ctx, keepAlive, () -> {
                    ObjectNode stats = api.stats();
                    stats.set("simulations", api.simulator().toJson());
                    return stats;
                }, 200);
            }
        } else if (path.equals("/health")) {
            if (allowed(ctx, method, "GET", keepAlive)) {
                api.blocking().execute(() -> {
                    ObjectNode health = api.health();
                    ctx.executor().execute(() -> finish(ctx, Responses.json(ctx, api.healthy(health) ? 200 : 503, health, keepAlive)));
                });
            }
        } else if (path.equals("/metrics")) {
            if (allowed(ctx, method, "GET", keepAlive)) {
                api.blocking().execute(() -> {
                    String text = api.prometheus();
                    ctx.executor().execute(() -> finish(ctx, Responses.text(ctx, "text/plain; version=0.0.4; charset=utf-8", text, keepAlive)));
                });
            }
        } else if (path.equals("/simulate")) {
            if (allowed(ctx, method, "POST", keepAlive)) {
                simulate(ctx, request, keepAlive);
            }
        } else if (path.startsWith("/simulate/")) {
            if (allowed(ctx, method, "GET", keepAlive)) {
                Simulator.Simulation s = api.simulator().get(path.substring("/simulate/".length()));
                finish(ctx, s == null ? Responses.problem(ctx, Problem.of(404, "Not found", "no such simulation"), keepAlive)
                        : Responses.json(ctx, 200, s.toJson(), keepAlive));
            }
        } else if (path.equals("/events")) {
            if (allowed(ctx, method, "GET", keepAlive)) {
                api.events().subscribe(ctx);
                // the stream is this connection's last answer: requests after it are not read
            }
        } else {
            finish(ctx, Responses.problem(ctx, Problem.of(404, "Not found", "no such endpoint: " + method + " " + path
                    + "; the ingestor serves /messages, /messages/{id}, /stats, /health, /metrics, /simulate, /events"), keepAlive));
        }
    }

    private void publish(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
        Instant received = Instant.now();
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        String mime = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean ndjson = switch (mime) {
            case "application/json" -> false;
            case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/jsonlines" -> true;
            default -> {
                finish(ctx, Responses.problem(ctx, Problem.of(415, "Unsupported media type", (type == null ? "no Content-Type"
                        : "Content-Type " + mime + " is not accepted") + "; send application/json (an object or an array) or application/x-ndjson"), keepAlive));
                yield false;
            }
        };
        if (!mime.equals("application/json") && !ndjson) {
            return;
        }
        List<Message> messages;
        try {
            messages = api.parser().parse(ByteBufUtil.getBytes(request.content()), ndjson, received);
        } catch (MessageParser.MalformedBodyException e) {
            finish(ctx, Responses.problem(ctx, Problem.of(400, "Malformed JSON", e.getMessage()), keepAlive));
            return;
        } catch (MessageParser.TooManyMessagesException e) {
            finish(ctx, Responses.problem(ctx, Problem.of(413, "Too many messages", e.getMessage() + "; split the batch"), keepAlive));
            return;
        } catch (BadMessagesException e) {
            List<FieldProblem> problems = e.problems();
            finish(ctx, Responses.problem(ctx, new Problem(400, "Invalid messages", problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + "; nothing was queued", problems, null), keepAlive));
            return;
        }
        api.publish(messages).whenComplete((ok, failure) -> ctx.executor().execute(() -> {
            if (failure == null) {
                ObjectNode body = JsonNodeFactory.instance.objectNode().put("accepted", messages.size());
                ArrayNode ids = body.putArray("ids");
                messages.forEach(m -> ids.add(m.id()));
                finish(ctx, Responses.json(ctx, 202, body, keepAlive));
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                String why = cause instanceof QueueUnavailableException ? cause.getMessage() : "the queue failed";
                finish(ctx, Responses.problem(ctx, Problem.of(503, "Queue unavailable", why + "; nothing of this request was confirmed, retry it (ids make a retry safe)")
                        .retryAfter(1), keepAlive));
            }
        }));
    }

    private void newest(ChannelHandlerContext ctx, QueryStringDecoder uri, boolean keepAlive) {
        List<String> given = uri.parameters().get("limit");
        int limit = 50;
        if (given != null) {
            try {
                limit = Integer.parseInt(given.getFirst());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT || given.size() > 1) {
                finish(ctx, Responses.problem(ctx, new Problem(400, "Invalid query", "limit must be one integer from 1 to " + MAX_LIMIT,
                        List.of(new FieldProblem("limit", "must be an integer from 1 to " + MAX_LIMIT)), null), keepAlive));
                return;
            }
        }
        int n = limit;
        offLoop(ctx, keepAlive, () -> {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            try {
                api.newest(n).forEach(m -> list.add(json(m)));
            } catch (SQLException e) {
                throw new DatabaseDown(e);
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.set("messages", list);
            return out;
        }, 200);
    }

    private void byId(ChannelHandlerContext ctx, String id, boolean keepAlive) {
        api.blocking().execute(() -> {
            Object answer;
            try {
                Optional<StoredMessage> m = api.byId(id);
                answer = m.isPresent() ? json(m.get()) : Problem.of(404, "Not found", "no stored message has this id (it may still be queued)");
            } catch (SQLException e) {
                answer = databaseDown(e);
            }
            Object a = answer;
            ctx.executor().execute(() -> finish(ctx, a instanceof Problem p ? Responses.problem(ctx, p, keepAlive)
                    : Responses.json(ctx, 200, (JsonNode) a, keepAlive)));
        });
    }

    private void simulate(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
        JsonNode body = JsonNodeFactory.instance.objectNode();
        if (request.content().readableBytes() > 0) {
            try {
                body = Responses.JSON.readTree(ByteBufUtil.getBytes(request.content()));
            } catch (IOException e) {
                finish(ctx, Responses.problem(ctx, Problem.of(400, "Malformed JSON", "the body is not valid JSON"), keepAlive));
                return;
            }
        }
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (!body.isObject()) {
            problems.add(new FieldProblem("body", "must be an object: {count, rate, content}"));
        }
        JsonNode count = body.path("count");
        JsonNode rate = body.path("rate");
        JsonNode content = body.path("content");
        body.fieldNames().forEachRemaining(f -> {
            if (!List.of("count", "rate", "content").contains(f)) {
                problems.add(new FieldProblem(f, "unknown field; /simulate takes count, rate, content"));
            }
        });
        if (!count.isMissingNode() && (!count.isIntegralNumber() || count.asLong() < 1 || count.asLong() > Simulator.MAX_COUNT)) {
            problems.add(new FieldProblem("count", "must be an integer from 1 to " + Simulator.MAX_COUNT));
        }
        if (!rate.isMissingNode() && (!rate.isNumber() || rate.asDouble() < 0 || rate.asDouble() > 10_000_000)) {
            problems.add(new FieldProblem("rate", "must be a number of messages per second ≥ 0 (0 = as fast as possible)"));
        }
        if (!content.isMissingNode() && (!content.isTextual() || content.asText().isEmpty() || content.asText().length() > 4096)) {
            problems.add(new FieldProblem("content", "must be a non-empty string of at most 4096 characters ({n} and {sim} are replaced)"));
        }
        if (!problems.isEmpty()) {
            finish(ctx, Responses.problem(ctx, new Problem(400, "Invalid simulation", problems.size() + " problem(s)", problems, null), keepAlive));
            return;
        }
        Simulator.Simulation s = api.simulator().start(count.isMissingNode() ? 500 : count.asInt(), rate.isMissingNode() ? 0 : rate.asDouble(),
                content.isMissingNode() ? "Simulation burst #{n}" : content.asText());
        finish(ctx, Responses.json(ctx, 202, s.toJson(), keepAlive));
    }

    private static ObjectNode json(StoredMessage m) {
        return JsonNodeFactory.instance.objectNode().put("id", m.id()).put("user_id", m.userId()).put("channel_id", m.channelId())
                .put("content", m.content()).put("created_at", m.createdAt().toString()).put("inserted_at", m.insertedAt().toString());
    }

    /** A read failed because the database is unreachable: 503, not 500. */
    private static final class DatabaseDown extends RuntimeException {
        DatabaseDown(SQLException e) {
            super(e.getMessage(), e, false, false);
        }
    }

    private static Problem databaseDown(SQLException e) {
        return Problem.of(503, "Database unavailable", "PostgreSQL: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")).retryAfter(1);
    }

    private void offLoop(ChannelHandlerContext ctx, boolean keepAlive, Supplier<JsonNode> work, int status) {
        api.blocking().execute(() -> {
            Object answer;
            try {
                answer = work.get();
            } catch (DatabaseDown e) {
                answer = databaseDown((SQLException) e.getCause());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "unexpected error", e);
                answer = Problem.of(500, "Internal error", "an unexpected error occurred; see the ingestor's log");
            }
            Object a = answer;
            ctx.executor().execute(() -> finish(ctx, a instanceof Problem p ? Responses.problem(ctx, p, keepAlive)
                    : Responses.json(ctx, status, (JsonNode) a, keepAlive)));
        });
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8), api.adminToken().getBytes(StandardCharsets.UTF_8));
    }

    private boolean allowed(ChannelHandlerContext ctx, String method, String allow, boolean keepAlive) {
        if (allow.contains(method)) {
            return true;
        }
        ChannelFuture f = Responses.problem(ctx, Problem.of(405, "Method not allowed", "use " + allow + " here, not " + method), keepAlive);
        finish(ctx, f);
        return false;
    }

    /** The answer is out: the next pipelined request may go. */
    private void finish(ChannelHandlerContext ctx, ChannelFuture written) {
        written.addListener(f -> next(ctx));
    }

    private void next(ChannelHandlerContext ctx) {
        busy = false;
        FullHttpRequest queued = waiting.pollFirst();
        if (queued != null && ctx.channel().isActive()) {
            serve(ctx, queued);
        } else if (queued != null) {
            queued.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        waiting.forEach(FullHttpRequest::release);
        waiting.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
