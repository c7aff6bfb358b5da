package dev.benchdeck.driver.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.benchdeck.driver.http.HttpPlans;
import dev.benchdeck.driver.http.ScriptedServer;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.plan.ConfigNode;
import dev.benchdeck.engine.plan.Problem;
import dev.benchdeck.engine.plan.Problems;
import dev.benchdeck.engine.testkit.DriverCompatibilityKit;
import dev.benchdeck.engine.time.EngineClock;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The llm driver against a scripted server: formats, timings, and each bad answer as a classified error. */
@Timeout(30)
class LlmSessionTest extends DriverCompatibilityKit {

    private static final long MS = 1_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptedServer server;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Override
    protected InetSocketAddress backend() {
        return new InetSocketAddress("127.0.0.1", server.port());
    }

    /** The kit's target: a short OpenAI-style stream. */
    @Override
    protected Driver openDriver(InetSocketAddress target) throws Exception {
        server.on("/v1/chat/completions", (request, socket, out) -> {
            stream(out, "text/event-stream", 5, chunk("Hi"), 5, chunk(" there") + "data: [DONE]\n\n");
            return true;
        });
        Parsed parsed = parse("url: http://127.0.0.1:" + target.getPort() + "\napi_key: sk-kit", "driver: llm\nmodel: m1\nprompt: hi");
        assertThat(parsed.problems()).isEmpty();
        return parsed.spec().open(EngineClock.system());
    }

    /** Writes a streaming answer's head, then each part after its delay (chunked, flushed). */
    private static void stream(OutputStream out, String contentType, Object... delaysAndParts) throws Exception {
        ScriptedServer.write(out, "HTTP/1.1 200 OK\r\ncontent-type: " + contentType
                + "\r\ntransfer-encoding: chunked\r\n\r\n");
        for (int i = 0; i < delaysAndParts.length; i += 2) {
            Thread.sleep((Integer) delaysAndParts[i]);
            String part = (String) delaysAndParts[i + 1];
            if (part == null) {
                return; // hang up without ending the body
            }
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            ScriptedServer.write(out, Integer.toHexString(bytes.length) + "\r\n" + part + "\r\n");
        }
        ScriptedServer.write(out, "0\r\n\r\n");
    }

    private static String chunk(String text) {
        return "data: {\"choices\":[{\"delta\":{\"content\":\"" + text + "\"}}]}\n\n";
    }

    private record Parsed(DriverSpec spec, List<Problem> problems) {
    }

    private static Parsed parse(String target, String workload) throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        Problems problems = new Problems();
        DriverSpec spec = new LlmDriverFactory().parse(new ConfigNode(yaml.readTree(target), "target", problems),
                new ConfigNode(yaml.readTree(workload), "workload", problems));
        return new Parsed(spec, problems.list());
    }

    private Outcome once(String targetExtra, String workload, Duration timeout) throws Exception {
        Parsed parsed = parse("url: " + server.url() + "\n" + targetExtra, workload);
        assertThat(parsed.problems()).isEmpty();
        try (Driver driver = parsed.spec().open(EngineClock.system()); Session session = driver.newSession()) {
            return session.execute(HttpPlans.request(0, timeout));
        }
    }

    private Outcome once(String workload) throws Exception {
        return once("", workload, Duration.ofSeconds(5));
    }

    @Test
    void openAiChatStreamIsTimedAndItsBodyBuiltFromThePlan() throws Exception {
        server.on("/v1/chat/completions", (request, socket, out) -> {
            stream(out, "text/event-stream",
                    50, "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n",
                    150, chunk("Hello"),
                    40, chunk(" big"),
                    40, chunk(" world") + "data: {\"choices\":[],\"usage\":{\"completion_tokens\":5}}\n\ndata: [DONE]\n\n");
            return true;
        });
        Outcome outcome = once("api_key: sk-test", "driver: llm\nmodel: m1\nprompt: hi ${seq}\nmax_tokens: 64", Duration.ofSeconds(5));

        assertThat(outcome).isInstanceOf(Outcome.Success.class);
        var stream = outcome.stream();
        assertThat(stream.contentEvents()).hasSize(3);
        assertThat(stream.ttftNanos().getAsLong()).isBetween(195 * MS, 400 * MS);
        for (long gap : stream.itlNanos()) {
            assertThat(gap).isBetween(30 * MS, 120 * MS);
        }
        assertThat(stream.outputTokens()).isEqualTo(5);
        assertThat(stream.tokenSource().name()).isEqualTo("USAGE");

        ScriptedServer.Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers()).containsEntry("authorization", "Bearer sk-test").containsEntry("accept", "text/event-stream");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("model").asText()).isEqualTo("m1");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("hi 0");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    @Test
    void eventsThatArriveInOneReadShareItsTimeAndLaterOnesTheirOwn() throws Exception {
        server.on("/v1/chat/completions", (request, socket, out) -> {
            // two content events in one chunk (one read), then one after 80 ms
            stream(out, "text/event-stream", 0, chunk("a") + chunk("b"), 80, chunk("c") + "data: [DONE]\n\n");
            return true;
        });
        Outcome outcome = once("driver: llm\nmodel: m1\nprompt: hi");

        assertThat(outcome).isInstanceOf(Outcome.Success.class);
        long[] contents = outcome.stream().contentEvents();
        assertThat(contents).hasSize(3);
        assertThat(contents[1]).as("read together, timed together").isEqualTo(contents[0]);
        assertThat(contents[2] - contents[1]).isBetween(70 * MS, 400 * MS);
    }

    @Test
    void theJdkClientStillReadsPlainStreamsWhenAskedTo() throws Exception {
        server.on("/v1/chat/completions", (request, socket, out) -> {
            stream(out, "text/event-stream", 0, chunk("a"), 30, chunk("b") + "data: [DONE]\n\n");
            return true;
        });
        System.setProperty("benchdeck.llm.client", "jdk");
        try {
            Outcome outcome = once("driver: llm\nmodel: m1\nprompt: hi");
            assertThat(outcome).isInstanceOf(Outcome.Success.class);
            assertThat(outcome.stream().contentEvents()).hasSize(2);
        } finally {
            System.clearProperty("benchdeck.llm.client");
        }
    }

    @Test
    void theGatewayApiSendsItsRequestAndReadsItsChunks() throws Exception {
        server.on("/api/v1/stream", (request, socket, out) -> {
            stream(out, "text/event-stream; charset=utf-8",
                    100, ": heartbeat\n\n",
                    100, "event: chunk\ndata: {\"content\":\" one\",\"chunk_index\":0}\n\n",
                    30, "event: chunk\ndata: {\"content\":\" two\",\"chunk_index\":1}\n\n",
                    30, "event: timing\ndata: {\"stages_ms\":{}}\n\ndata: [DONE]\n\n");
            return true;
        });
        Outcome outcome = once("api_key: client-key", "driver: llm\napi: gateway\ngateway_provider: fake\nprompt: hi ${seq}\nmax_tokens: 8",
                Duration.ofSeconds(5));

        assertThat(outcome).as(outcome.toString()).isInstanceOf(Outcome.Success.class);
        assertThat(outcome.stream().contentEvents()).hasSize(2);
        assertThat(outcome.stream().ttftNanos().getAsLong()).isBetween(195 * MS, 450 * MS);
        for (long gap : outcome.stream().itlNanos()) {
            assertThat(gap).isBetween(20 * MS, 120 * MS);
        }
        ScriptedServer.Request request = server.requests().get(0);
        assertThat(request.headers()).containsEntry("authorization", "Bearer client-key");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("query").asText()).isEqualTo("hi 0");
        assertThat(body.path("provider").asText()).isEqualTo("fake");
        assertThat(body.has("model")).isFalse();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(8);
        assertThat(body.path("stream").asBoolean()).isTrue();
    }

    @Test
    void aGatewayStreamWithoutDoneOrWithAnErrorEventFails() throws Exception {
        server.on("/api/v1/stream", (request, socket, out) -> {
            stream(out, "text/event-stream", 0, "event: chunk\ndata: {\"content\":\" a\",\"chunk_index\":0}\n\n",
                    0, "event: error\ndata: {\"code\":\"upstream_incomplete\",\"message\":\"cut\",\"chunk_index\":1}\n\n");
            return true;
        });

        Outcome outcome = once("driver: llm\napi: gateway\nprompt: hi");

        assertThat(outcome).isInstanceOf(Outcome.Failure.class);
        assertThat(((Outcome.Failure) outcome).errorClass()).isEqualTo("stream_error");
        assertThat(((Outcome.Failure) outcome).message()).contains("upstream_incomplete: cut");
    }

    @Test
    void gatewayProviderOnlyAppliesToTheGatewayApi() throws Exception {
        Parsed parsed = parse("url: " + server.url(), "driver: llm\nmodel: m\ngateway_provider: fake");

        assertThat(parsed.problems()).extracting(Problem::path).contains("workload.gateway_provider");
    }

    @Test
    void anthropicUsesItsHeadersAndFinalUsage() throws Exception {
        server.on("/v1/messages", (request, socket, out) -> {
            stream(out, "text/event-stream; charset=utf-8",
                    10, "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":3}}}\n\n",
                    10, "event: ping\ndata: {\"type\":\"ping\"}\n\n",
                    10, "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n",
                    10, "event: message_delta\ndata: {\"type\":\"message_delta\",\"usage\":{\"output_tokens\":1}}\n\n"
                            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
            return true;
        });
        Outcome outcome = once("provider: anthropic\napi_key: k", "driver: llm\nmodel: claude\nprompt: hi", Duration.ofSeconds(5));
        assertThat(outcome).isInstanceOf(Outcome.Success.class);
        assertThat(outcome.stream().outputTokens()).isEqualTo(1);
        ScriptedServer.Request request = server.requests().get(0);
        assertThat(request.headers()).containsEntry("x-api-key", "k").containsKey("anthropic-version").doesNotContainKey("authorization");
        assertThat(JSON.readTree(request.body()).path("max_tokens").asInt()).isEqualTo(1024);
    }

    @Test
    void badAnswersAreClassifiedErrorsWithClearMessages() throws Exception {
        server.on("/json", (request, socket, out) -> {
            ScriptedServer.respond(out, 200, "{\"answer\": 42}", "content-type: application/json");
            return true;
        });
        server.on("/never", (request, socket, out) -> {
            stream(out, "text/event-stream", 0, chunk("a"), 10_000, chunk("b"));
            return true;
        });
        server.on("/garbled", (request, socket, out) -> {
            stream(out, "text/event-stream", 0, "data: {\"choices\": [oops\n\n");
            return true;
        });
        server.on("/limited", (request, socket, out) -> {
            ScriptedServer.respond(out, 429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit\"}}",
                    "content-type: application/json");
            return true;
        });
        server.on("/keyless", (request, socket, out) -> {
            boolean hasKey = request.headers().containsKey("authorization");
            ScriptedServer.respond(out, hasKey ? 200 : 401, "{\"error\":{\"message\":\"missing API key\"}}",
                    "content-type: application/json");
            return true;
        });
        server.on("/error", (request, socket, out) -> {
            stream(out, "text/event-stream", 0, chunk("a"), 0, "data: {\"error\":{\"message\":\"boom\"}}\n\n");
            return true;
        });
        server.on("/cut", (request, socket, out) -> {
            stream(out, "text/event-stream", 0, chunk("a"), 0, null);
            socket.close();
            return false;
        });

        assertFailure(once("driver: llm\nmodel: m\npath: /json"), ErrorClasses.PROTOCOL,
                "expected a text/event-stream answer, got application/json: {\"answer\": 42}");
        long start = System.nanoTime();
        Outcome never = once("", "driver: llm\nmodel: m\npath: /never", Duration.ofMillis(400));
        assertFailure(never, ErrorClasses.TIMEOUT, "not finished within 400 ms after 1 events");
        assertThat(System.nanoTime() - start).isLessThan(5_000 * MS);
        assertFailure(once("driver: llm\nmodel: m\npath: /garbled"), ErrorClasses.PROTOCOL, "malformed openai-chat stream: a chunk is not JSON");
        assertFailure(once("driver: llm\nmodel: m\npath: /limited"), ErrorClasses.HTTP_4XX, "HTTP 429: Rate limit reached");
        assertFailure(once("driver: llm\nmodel: m\npath: /keyless"), ErrorClasses.HTTP_4XX, "HTTP 401: missing API key");
        assertFailure(once("driver: llm\nmodel: m\npath: /error"), "stream_error", "error in the stream: boom");
        Outcome cut = once("driver: llm\nmodel: m\npath: /cut");
        assertThat(cut).isInstanceOf(Outcome.Failure.class);
        assertThat(((Outcome.Failure) cut).errorClass()).isIn(ErrorClasses.RESET, "stream_incomplete");
    }

    private static void assertFailure(Outcome outcome, String errorClass, String messageStart) {
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failure.class, f -> {
            assertThat(f.errorClass()).isEqualTo(errorClass);
            assertThat(f.message()).startsWith(messageStart);
        });
    }

    @Test
    void automationsSyncAsyncAndSse() throws Exception {
        server.on("/sync", (request, socket, out) -> {
            Thread.sleep(50);
            ScriptedServer.respond(out, 200, "{\"status\":\"completed\",\"result\":\"ok\"}", "content-type: application/json");
            return true;
        });
        server.on("/sync-fail", (request, socket, out) -> {
            ScriptedServer.respond(out, 200, "{\"status\":\"failed\",\"error\":\"captcha\"}", "content-type: application/json");
            return true;
        });
        AtomicInteger polls = new AtomicInteger();
        server.on("/submit", (request, socket, out) -> {
            ScriptedServer.respond(out, 202, "{\"run_id\":\"r1\",\"status\":\"running\"}", "content-type: application/json");
            return true;
        });
        server.on("/runs/r1", (request, socket, out) -> {
            String status = polls.incrementAndGet() < 3 ? "running" : "completed";
            ScriptedServer.respond(out, 200, "{\"status\":\"" + status + "\"}", "content-type: application/json");
            return true;
        });
        server.on("/progress", (request, socket, out) -> {
            stream(out, "text/event-stream", 10, "event: progress\ndata: step 1\n\n", 10, "event: progress\ndata: step 2\n\n",
                    10, "event: failed\ndata: {\"reason\":\"timeout on page\"}\n\n");
            return true;
        });

        Outcome sync = once("driver: llm\napi: automation-sync\npath: /sync\nbody: '{\"task\": \"${seq}\"}'");
        assertThat(sync).isInstanceOf(Outcome.Success.class);
        assertThat(sync.timings().serviceNanos()).isGreaterThanOrEqualTo(50 * MS);
        assertFailure(once("driver: llm\napi: automation-sync\npath: /sync-fail"), LlmSession.AUTOMATION_FAILED,
                "the automation reported status failed");

        Outcome async = once("driver: llm\napi: automation-async\npath: /submit\nautomation: {status_path: '/runs/${run_id}', poll_interval: 20ms}");
        assertThat(async).isInstanceOf(Outcome.Success.class);
        assertThat(async.eventTimes()).hasSize(4); // the submit answer and three polls
        assertThat(polls.get()).isEqualTo(3);

        Outcome sse = once("driver: llm\napi: automation-sse\npath: /progress");
        assertFailure(sse, LlmSession.AUTOMATION_FAILED, "error in the stream: failed:");
        assertThat(sse.eventTimes()).hasSize(3);
        assertThat(sse.stream()).isNull();
    }

    @Test
    void planProblemsComeWithTheirPaths() throws Exception {
        Parsed parsed = parse("url: ftp://x\nprovider: acme\napi_key: a\napi_key_env: B",
                "driver: llm\napi: openai-chat\nprompt: a\nprompt_words: {mean: 5}\nslo: {ttft: soon}\nbody: x");
        assertThat(parsed.problems()).extracting(Problem::path).contains("target.url", "target.provider",
                "target.api_key_env", "workload.model", "workload.slo.ttft", "workload.body");
        assertThat(parsed.problems()).anySatisfy(p -> assertThat(p.message()).contains("unknown provider 'acme'"));
        Parsed automation = parse("url: http://127.0.0.1:1", "driver: llm\napi: automation-async\npath: /x");
        assertThat(automation.problems()).extracting(Problem::path).containsExactly("workload.automation");
    }

    @Test
    void aMissingApiKeyFailsEachRequestClearlyWithoutSendingIt() throws Exception {
        assertFailure(once("api_key_env: BENCHDECK_TEST_SURELY_UNSET_KEY", "driver: llm\nmodel: m", Duration.ofSeconds(2)),
                LlmSession.AUTH, "API key missing: environment variable BENCHDECK_TEST_SURELY_UNSET_KEY (target.api_key_env) is not set");
        assertFailure(once("provider: openai", "driver: llm\nmodel: m", Duration.ofSeconds(2)),
                LlmSession.AUTH, "API key missing: provider openai needs target.api_key_env");
        assertThat(server.requests()).isEmpty();
    }
    @Test
    void anApiKeyWithALineBreakIsAPlanProblemThatNeverRepeatsTheKey() throws Exception {
        Parsed parsed = parse("url: " + server.url() + "\napi_key: \"sk-secret-4711\\n\"", "driver: llm\nmodel: m");
        assertThat(parsed.problems()).extracting(Problem::path).containsExactly("target.api_key");
        assertThat(parsed.problems().get(0).message()).contains("line break").doesNotContain("sk-secret-4711");
    }

    @Test
    void failuresKnownAtSubmitReachDoneOutsideSubmitSoAClosedLoopCannotOverflowTheStack() throws Exception {
        Parsed parsed = parse("url: " + server.url() + "\nprovider: openai", "driver: llm\nmodel: m");
        assertThat(parsed.problems()).isEmpty();
        ThreadLocal<Boolean> insideSubmit = ThreadLocal.withInitial(() -> false);
        AtomicInteger left = new AtomicInteger(20_000);
        AtomicInteger inline = new AtomicInteger();
        java.util.concurrent.CompletableFuture<Outcome> last = new java.util.concurrent.CompletableFuture<>();
        try (Driver driver = parsed.spec().open(EngineClock.system());
             dev.benchdeck.engine.driver.AsyncSession session = (dev.benchdeck.engine.driver.AsyncSession) driver.newSession()) {
            java.util.function.Consumer<Outcome> user = new java.util.function.Consumer<>() {
                @Override
                public void accept(Outcome outcome) {
                    if (insideSubmit.get()) {
                        inline.incrementAndGet();
                    }
                    if (left.decrementAndGet() == 0) {
                        last.complete(outcome);
                        return;
                    }
                    // as the engine's closed-loop user does: the next request is submitted from done
                    insideSubmit.set(true);
                    try {
                        session.submit(HttpPlans.request(left.get()), this);
                    } finally {
                        insideSubmit.set(false);
                    }
                }
            };
            insideSubmit.set(true);
            session.submit(HttpPlans.request(0), user);
            insideSubmit.set(false);
            assertFailure(last.get(20, java.util.concurrent.TimeUnit.SECONDS), LlmSession.AUTH, "API key missing");
        }
        assertThat(inline.get()).as("outcomes delivered inside submit").isZero();
        assertThat(server.requests()).isEmpty();
    }
}
