package dev.benchdeck.server.cluster;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.benchdeck.server.system.ProblemJson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Hands a call on to the replica coordinating a run (agents reach whichever replica a load balancer picks, but a run's
 * shards live in its coordinator's memory): the same path, body and credentials, answered with that replica's answer.
 * A forwarded call is never forwarded again.
 */
@Component
public class ReplicaForwarder {

    static final String FORWARDED = "X-Benchdeck-Forwarded-By";
    private static final Logger log = LoggerFactory.getLogger(ReplicaForwarder.class);

    private final ReplicaDirectory replicas;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ReplicaForwarder(ReplicaDirectory replicas) {
        this.replicas = replicas;
    }

    /**
     * The coordinating replica's answer to this request, when another live replica coordinates the run; empty when this
     * replica should answer (it coordinates the run, nobody does, or the call was already forwarded); 503 when the other
     * replica did not answer.
     */
    public Optional<ResponseEntity<String>> toCoordinator(long runId, HttpServletRequest request, String body) {
        if (request.getHeader(FORWARDED) != null) {
            return Optional.empty();
        }
        Optional<URI> coordinator = replicas.coordinatorElsewhere(runId);
        if (coordinator.isEmpty()) {
            return Optional.empty();
        }
        URI target = coordinator.get().resolve(request.getRequestURI());
        HttpRequest.Builder forward = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header(FORWARDED, replicas.name())
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            forward.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        try {
            HttpResponse<String> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofString());
            ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.statusCode());
            answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(type -> response.header(HttpHeaders.CONTENT_TYPE, type));
            return Optional.of(response.body(answer.body()));
        } catch (IOException e) {
            // not "no such run" here: the agent would stop its shard; busy for now, it tries again
            log.warn("Run {}: the coordinating replica at {} did not answer ({})", runId, coordinator.get(), e.toString());
            return Optional.of(ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "1").contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemJson.body(503, "Coordinator unreachable", "the replica coordinating run " + runId
                            + " did not answer; try again", request.getRequestURI(), null)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
