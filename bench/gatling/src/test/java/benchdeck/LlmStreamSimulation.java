package benchdeck;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * The same streaming scenario as bench/plans/llm-accuracy.yaml, in Gatling: N users each POST an
 * OpenAI chat completion with stream: true to the mock and wait for the first content chunk (check
 * "first content") and then for [DONE] (check "done"), then close the stream and start again.
 */
public class LlmStreamSimulation extends Simulation {

    private static final String BODY = "{\"model\":\"mock-1\",\"stream\":true,\"max_tokens\":50,"
            + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";

    private final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:18103");
    private final int users = Integer.getInteger("users", 100);
    private final int seconds = Integer.getInteger("seconds", 18);

    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
            .contentTypeHeader("application/json");

    private final ScenarioBuilder stream = scenario("llm stream").forever().on(
            exec(sse("connect").post("/v1/chat/completions").body(StringBody(BODY))
                    .await(Duration.ofSeconds(30)).on(
                            sse.checkMessage("first content").matching(substring("\"content\":\" ")),
                            sse.checkMessage("done").matching(substring("[DONE]"))))
                    .exec(sse("close").close()));

    {
        setUp(stream.injectClosed(constantConcurrentUsers(users).during(Duration.ofSeconds(seconds))))
                .maxDuration(Duration.ofSeconds(seconds))
                .protocols(protocol);
    }
}
