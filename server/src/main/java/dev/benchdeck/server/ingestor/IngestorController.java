package dev.benchdeck.server.ingestor;

import dev.benchdeck.server.audit.AuditLog;
import dev.benchdeck.server.system.FieldProblem;
import dev.benchdeck.server.system.ProblemJson;
import dev.benchdeck.server.target.Target;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An ingestor target's figures, series, newest messages and burst simulations, through the server (which holds
 * the admin token): the browser never talks to the ingestor itself.
 */
@RestController
@RequestMapping("/api/v1/targets/{id}/ingestor")
class IngestorController {

    static final int FEED_LENGTH = 50;

    private final IngestorAccess access;
    private final IngestorWatch watch;
    private final AuditLog audit;

    IngestorController(IngestorAccess access, IngestorWatch watch, AuditLog audit) {
        this.access = access;
        this.watch = watch;
        this.audit = audit;
    }

    /** The ingestor's figures now, read from it (the cards); {@code disconnected} with the reason when it does not answer. */
    @GetMapping("/stats")
    IngestorStats ingestorStats(@PathVariable long id) {
        Target target = access.target(id);
        Instant now = Instant.now();
        try {
            IngestorClient.Answer answer = access.client(target).stats();
            return answer.ok() ? IngestorStats.of(id, now, answer.body())
                    : IngestorStats.disconnected(id, now, "GET /stats answered " + answer.status());
        } catch (IOException e) {
            return IngestorStats.disconnected(id, now, "cannot reach the ingestor: " + reason(e));
        }
    }

    /** The series the server keeps: a point a second, oldest first, up to the last five minutes. */
    @Schema(name = "IngestorSeries")
    record Series(long targetId, int intervalMs, int capacity, boolean sampled, List<IngestorPoint> points) {
    }

    @GetMapping("/series")
    Series ingestorSeries(@PathVariable long id) {
        access.target(id);
        return new Series(id, 1000, IngestorSeries.CAPACITY, watch.watching(id), watch.series(id));
    }

    @Schema(name = "IngestorMessages")
    record Messages(long targetId, List<IngestedMessage> messages) {
    }

    /** The newest stored messages (by {@code inserted_at}), from the ingestor's {@code GET /messages}; 502 when it cannot answer. */
    @GetMapping("/messages")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Messages.class)))
    ResponseEntity<Object> ingestorMessages(@PathVariable long id,
                                            @RequestParam(defaultValue = "50") @Min(1) @Max(FEED_LENGTH) int limit) {
        Target target = access.target(id);
        try {
            IngestorClient.Answer answer = access.client(target).newest(limit);
            if (!answer.ok()) {
                return refused(answer);
            }
            List<IngestedMessage> messages = new ArrayList<>();
            answer.body().path("messages").forEach(m -> messages.add(IngestedMessage.of(m)));
            return ResponseEntity.ok(new Messages(id, messages));
        } catch (IOException e) {
            return unreachable(e);
        }
    }

    /**
     * Starts a burst on the ingestor's simulator (202 with its id and state). Bad values: 400 with each field's
     * problem, nothing started. Audited, like every change an editor makes.
     */
    @PostMapping("/simulate")
    @ApiResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = IngestorStats.Simulation.class)))
    ResponseEntity<Object> simulateIngestion(@PathVariable long id, @Valid @RequestBody SimulationRequest request) {
        Target target = access.target(id);
        try {
            IngestorClient.Answer answer = access.client(target).simulate(request.count(), request.rateOrDefault(), request.contentOrDefault());
            if (!answer.ok()) {
                return refused(answer);
            }
            IngestorStats.Simulation started = IngestorStats.Simulation.of(answer.body());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("name", target.name());
            detail.put("simulation_id", started.id());
            detail.put("count", request.count());
            detail.put("rate", request.rateOrDefault());
            audit.record("ingestor_simulation_started", "target", id, detail);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(started);
        } catch (IOException e) {
            return unreachable(e);
        }
    }

    /** The ingestor's own refusal as ours: its 4xx field problems as 400, anything else 502. */
    private static ResponseEntity<Object> refused(IngestorClient.Answer answer) {
        if (answer.status() == 401) {
            return problem(HttpStatus.BAD_GATEWAY, "Ingestor refused", "the ingestor refused the stored admin token; "
                    + "update the target's credentials.admin_token", null);
        }
        if (answer.status() == 400) {
            List<FieldProblem> errors = new ArrayList<>();
            answer.body().path("errors").forEach(e -> errors.add(new FieldProblem(e.path("path").asText(),
                    e.path("message").asText())));
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", answer.body().path("detail").asText("the ingestor refused the request"),
                    errors.isEmpty() ? null : errors);
        }
        return problem(HttpStatus.BAD_GATEWAY, "Ingestor error", "the ingestor answered " + answer.status()
                + (answer.body().hasNonNull("detail") ? ": " + answer.body().get("detail").asText() : ""), null);
    }

    private static ResponseEntity<Object> unreachable(IOException e) {
        return problem(HttpStatus.BAD_GATEWAY, "Ingestor unreachable", "cannot reach the ingestor: " + reason(e), null);
    }

    /** A problem detail as the rest of the API writes them ({@code errors: [{path, message}]}). */
    private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setType(ProblemJson.type(title));
        if (errors != null) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
