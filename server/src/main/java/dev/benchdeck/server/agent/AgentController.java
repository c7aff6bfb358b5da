package dev.benchdeck.server.agent;

import dev.benchdeck.engine.result.EnvironmentInfo;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.shard.AgentMessages;
import dev.benchdeck.server.audit.AuditLog;
import dev.benchdeck.server.security.Actor;
import dev.benchdeck.server.security.CurrentActor;
import dev.benchdeck.server.security.LocalAgentKey;
import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.ConflictException;
import dev.benchdeck.server.system.FieldProblem;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.server.system.JsonBody;
import dev.benchdeck.server.system.NotFoundException;
import dev.benchdeck.server.cluster.ReplicaForwarder;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agents' side of the API ({@code benchdeck agent} calls it with a {@code run} token) and the Agents page's list.
 * Bodies are the engine's own records in the results' JSON form ({@link AgentMessages}). A call about a run another
 * replica coordinates is handed on to that replica.
 */
@RestController
class AgentController {

    private static final int MAX_LABELS = 20;

    private final AgentRepository agents;
    private final AgentCoordinator coordinator;
    private final AuditLog audit;
    private final ReplicaForwarder forwarder;

    AgentController(AgentRepository agents, AgentCoordinator coordinator, AuditLog audit, ReplicaForwarder forwarder) {
        this.agents = agents;
        this.coordinator = coordinator;
        this.audit = audit;
        this.forwarder = forwarder;
    }

    @GetMapping("/api/v1/agents")
    List<AgentView> listAgents() {
        return agents.list();
    }

    /** 201 with the agent's id; 409 when it speaks another version of the agents' protocol. */
    @PostMapping(value = "/api/v1/agents", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> registerAgent(@RequestBody String body) {
        AgentMessages.Registration registration = JsonBody.read(body, AgentMessages.Registration.class, "the registration");
        check(registration);
        if (registration.labels() != null && registration.labels().containsKey(LocalAgents.LABEL)
                && !LocalAgentKey.isLocalAgent(CurrentActor.require())) {
            // the label marks a server's own agents, which get its local runs (and their targets' secrets)
            throw new BadRequestException("reserved label", List.of(new FieldProblem("labels." + LocalAgents.LABEL,
                    "is reserved for the server's own local agents")));
        }
        String serverVersion = EnvironmentInfo.current().benchdeckVersion();
        if (registration.protocol() != AgentMessages.PROTOCOL) {
            throw new ConflictException("agent " + registration.name() + " speaks agent protocol " + registration.protocol()
                    + " (Benchdeck " + registration.version() + "); this server speaks protocol " + AgentMessages.PROTOCOL
                    + " (Benchdeck " + serverVersion + "): run an agent of the server's version");
        }
        long id = agents.insert(registration, CurrentActor.userId());
        audit.record("agent_registered", "agent", id, Map.of("name", registration.name(), "version", registration.version()));
        return ResponseEntity.created(java.net.URI.create("/api/v1/agents/" + id)).contentType(MediaType.APPLICATION_JSON)
                .body(Json.write(new AgentMessages.Registered(id, 1000, serverVersion)));
    }

    /** The server's clock when the request came and when the answer leaves, for the agent's offset estimate. */
    @PostMapping(value = "/api/v1/agents/clock", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> readClock() {
        long received = AgentMessages.nowMicros();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(Json.write(new AgentMessages.ClockReading(received, AgentMessages.nowMicros())));
    }

    @PostMapping(value = "/api/v1/agents/{id}/heartbeat", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> agentHeartbeat(@PathVariable long id, @RequestBody String body, HttpServletRequest request) {
        requireOwn(id);
        AgentMessages.Heartbeat heartbeat = JsonBody.read(body, AgentMessages.Heartbeat.class, "the heartbeat");
        if (!coordinator.coordinatesAgent(id)) {
            Optional<ResponseEntity<String>> forwarded = agents.currentRun(id).flatMap(run -> forwarder.toCoordinator(run, request, body));
            if (forwarded.isPresent()) {
                return forwarded.get();
            }
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Json.write(coordinator.heartbeat(id, heartbeat)));
    }

    @ApiResponse(responseCode = "204", description = "taken", content = @Content)
    @PostMapping(value = "/api/v1/agents/{id}/runs/{runId}/intervals", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> shardIntervals(@PathVariable long id, @PathVariable long runId, @RequestBody String body,
                                          HttpServletRequest request) {
        requireOwn(id);
        AgentMessages.ShardIntervals intervals = JsonBody.read(body, AgentMessages.ShardIntervals.class, "the intervals");
        if (intervals.intervals() == null || intervals.intervals().stream().anyMatch(i -> i == null || i.snapshot() == null)) {
            throw new BadRequestException("no intervals", List.of(new FieldProblem("intervals", "must be a list of intervals with snapshots")));
        }
        if (intervals.setup() != null && intervals.setup().stream().anyMatch(p -> p == null || p.phase() == null)) {
            throw new BadRequestException("bad setup progress", List.of(new FieldProblem("setup", "must be a list of progress reports with phases")));
        }
        Optional<ResponseEntity<String>> forwarded = elsewhere(runId, request, body);
        if (forwarded.isPresent()) {
            return forwarded.get();
        }
        coordinator.intervals(id, runId, intervals.intervals(), intervals.setup() == null ? List.of() : intervals.setup());
        return ResponseEntity.noContent().build();
    }

    @ApiResponse(responseCode = "204", description = "taken", content = @Content)
    @PostMapping(value = "/api/v1/agents/{id}/runs/{runId}/steps", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> shardStep(@PathVariable long id, @PathVariable long runId, @RequestBody String body,
                                     HttpServletRequest request) {
        requireOwn(id);
        StepResult step = JsonBody.read(body, StepResult.class, "the step");
        Optional<ResponseEntity<String>> forwarded = elsewhere(runId, request, body);
        if (forwarded.isPresent()) {
            return forwarded.get();
        }
        coordinator.step(id, runId, step);
        return ResponseEntity.noContent().build();
    }

    @ApiResponse(responseCode = "204", description = "taken", content = @Content)
    @PostMapping(value = "/api/v1/agents/{id}/runs/{runId}/end", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> shardEnd(@PathVariable long id, @PathVariable long runId, @RequestBody String body,
                                    HttpServletRequest request) {
        requireOwn(id);
        AgentMessages.ShardEnd end = JsonBody.read(body, AgentMessages.ShardEnd.class, "the end");
        if (end.result() == null && end.failure() == null) {
            throw new BadRequestException("no result", List.of(new FieldProblem("result", "give the result, or failure")));
        }
        Optional<ResponseEntity<String>> forwarded = elsewhere(runId, request, body);
        if (forwarded.isPresent()) {
            return forwarded.get();
        }
        coordinator.end(id, runId, end);
        return ResponseEntity.noContent().build();
    }

    /** Another replica's answer when that replica coordinates the run (its shards are in its memory). */
    private Optional<ResponseEntity<String>> elsewhere(long runId, HttpServletRequest request, String body) {
        return coordinator.running(runId).isPresent() ? Optional.empty() : forwarder.toCoordinator(runId, request, body);
    }

    /** The per-agent breakdown of a run split over agents (empty for a run on the server). */
    @GetMapping(value = "/api/v1/runs/{id}/shards", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> runShards(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Json.write(coordinator.shards(id)));
    }

    /** An agent is driven by the user (or that user's token) who registered it; an admin may drive any; the local agents their own. */
    private void requireOwn(long agentId) {
        Actor actor = CurrentActor.require();
        boolean own = LocalAgentKey.isLocalAgent(actor) ? agents.ownedByNobody(agentId)
                : agents.ownedBy(agentId, actor.userId(), actor.role() == dev.benchdeck.server.security.Role.ADMIN);
        if (!own) {
            throw new NotFoundException("agent", agentId);
        }
    }

    private static void check(AgentMessages.Registration r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.name() == null || r.name().isBlank() || r.name().length() > 100) {
            problems.add(new FieldProblem("name", "must be 1-100 characters"));
        }
        if (r.labels() != null && (r.labels().size() > MAX_LABELS || r.labels().entrySet().stream()
                .anyMatch(e -> e.getKey() == null || e.getValue() == null || e.getKey().isBlank() || e.getKey().length() > 64 || e.getValue().length() > 200))) {
            problems.add(new FieldProblem("labels", "must be at most " + MAX_LABELS + " labels, names 1-64 and values up to 200 characters"));
        }
        if (r.cores() < 1) {
            problems.add(new FieldProblem("cores", "must be ≥ 1"));
        }
        if (r.memoryBytes() < 0) {
            problems.add(new FieldProblem("memory_bytes", "must be ≥ 0"));
        }
        if (r.version() == null || r.version().isBlank() || r.version().length() > 100) {
            problems.add(new FieldProblem("version", "must be 1-100 characters"));
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException("the registration has problems", problems);
        }
    }
}
