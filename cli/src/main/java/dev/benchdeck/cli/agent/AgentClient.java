package dev.benchdeck.cli.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchdeck.engine.result.ResultJson;
import dev.benchdeck.engine.shard.AgentMessages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The agent's calls to the server, as JSON in the results' form, the token only in the {@code Authorization} header
 * (never printed). An answer other than 2xx is a {@link ServerRefusedException} with the server's own explanation.
 */
public final class AgentClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int CLOCK_EXCHANGES = 8;

    private final URI server;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = ResultJson.mapper();

    public AgentClient(URI server, String token) {
        this.server = server;
        this.token = token.strip();
    }

    public AgentMessages.Registered register(AgentMessages.Registration registration)
            throws IOException, InterruptedException, ServerRefusedException {
        return json.readValue(post("/api/v1/agents", registration), AgentMessages.Registered.class);
    }

    public AgentMessages.HeartbeatReply heartbeat(long agentId, AgentMessages.Heartbeat heartbeat)
            throws IOException, InterruptedException, ServerRefusedException {
        return json.readValue(post("/api/v1/agents/" + agentId + "/heartbeat", heartbeat), AgentMessages.HeartbeatReply.class);
    }

    public void intervals(long agentId, long runId, AgentMessages.ShardIntervals intervals)
            throws IOException, InterruptedException, ServerRefusedException {
        post("/api/v1/agents/" + agentId + "/runs/" + runId + "/intervals", intervals);
    }

    public void step(long agentId, long runId, Object step) throws IOException, InterruptedException, ServerRefusedException {
        post("/api/v1/agents/" + agentId + "/runs/" + runId + "/steps", step);
    }

    public void end(long agentId, long runId, AgentMessages.ShardEnd end) throws IOException, InterruptedException, ServerRefusedException {
        post("/api/v1/agents/" + agentId + "/runs/" + runId + "/end", end);
    }

    /**
     * The server's clock minus ours, NTP-style: of {@value #CLOCK_EXCHANGES} exchanges, the one with the shortest round
     * trip, whose offset is ((t1 − t0) + (t2 − t3)) / 2 (t0, t3 ours at send and receipt; t1, t2 the server's).
     */
    public ClockOffset clockOffset() throws IOException, InterruptedException, ServerRefusedException {
        ClockOffset best = null;
        for (int i = 0; i < CLOCK_EXCHANGES; i++) {
            long t0 = AgentMessages.nowMicros();
            AgentMessages.ClockReading reading = json.readValue(post("/api/v1/agents/clock", null), AgentMessages.ClockReading.class);
            long t3 = AgentMessages.nowMicros();
            long roundTrip = (t3 - t0) - (reading.sentMicros() - reading.receivedMicros());
            long offset = ((reading.receivedMicros() - t0) + (reading.sentMicros() - t3)) / 2;
            if (best == null || roundTrip < best.roundTripMicros()) {
                best = new ClockOffset(offset, roundTrip);
            }
        }
        return best;
    }

    /** Our clock's offset from the server's (server − ours, µs) and the round trip it was measured over. */
    public record ClockOffset(long offsetMicros, long roundTripMicros) {
    }

    private String post(String path, Object body) throws IOException, InterruptedException, ServerRefusedException {
        URI uri = server.resolve(server.getPath().replaceAll("/+$", "") + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new ServerRefusedException(answer.statusCode(), explain(answer.statusCode(), answer.body()));
        }
        return answer.body();
    }

    /** The problem's detail and field errors, or a hint for the usual causes. */
    private String explain(int status, String body) {
        StringBuilder why = new StringBuilder("HTTP " + status);
        try {
            JsonNode problem = json.readTree(body);
            if (problem.hasNonNull("detail")) {
                why.append(": ").append(problem.get("detail").asText());
            }
            for (JsonNode error : problem.path("errors")) {
                why.append("; ").append(error.path("path").asText()).append(" ").append(error.path("message").asText());
            }
        } catch (IOException | RuntimeException notJson) {
            // not a problem document: the status says enough
        }
        if (status == 401) {
            why.append(" (the token is missing, wrong, expired or revoked: give an API token of scope run, from Account → API tokens)");
        } else if (status == 403) {
            why.append(" (the token may not run load: it needs scope run)");
        }
        return why.toString();
    }

    @Override
    public void close() {
        http.close();
    }
}
