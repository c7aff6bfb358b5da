package dev.benchdeck.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.driver.llm.gateway.GatewayAdmin;
import dev.benchdeck.server.audit.AuditLog;
import dev.benchdeck.server.security.CurrentActor;
import dev.benchdeck.server.system.FieldProblem;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.server.system.ProblemJson;
import dev.benchdeck.server.target.Target;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A gateway target's status and runtime configuration, through the server (which holds the admin token):
 * the browser never talks to the gateway itself.
 */
@RestController
@RequestMapping("/api/v1/targets/{id}/gateway")
class GatewayController {

    private final GatewayAccess access;
    private final AuditLog audit;

    GatewayController(GatewayAccess access, AuditLog audit) {
        this.access = access;
        this.audit = audit;
    }

    /** The gateway's status now (the live feed pushes the same document each second to watchers). */
    @GetMapping("/status")
    @Schema(description = "{target_id, status: connected|disconnected, health, stats, error}")
    ResponseEntity<String> gatewayStatus(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Json.write(GatewayStatus.read(id, access.admin(id))));
    }

    /** The gateway's runtime configuration as it stores it; 502 when the gateway cannot be reached or refuses the token. */
    @GetMapping("/config")
    ResponseEntity<Object> gatewayConfig(@PathVariable long id) {
        GatewayAdmin admin = access.admin(id);
        try {
            return relay(admin.config());
        } catch (IOException e) {
            return unreachable(e);
        }
    }

    /**
     * Changes the gateway's runtime configuration (only the fields given); answers the stored config. Bad values:
     * 422 with every problem and its path as the gateway reported it, nothing applied. Like other changes of a
     * target: its creator or an admin.
     */
    @PutMapping(value = "/config", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> updateGatewayConfig(@PathVariable long id,
                                               @Schema(type = "object") @RequestBody String body) {
        Target target = access.target(id);
        CurrentActor.requireMayChange(target.createdById(), "target");
        JsonNode changes;
        try {
            changes = Json.mapper().readTree(body);
        } catch (IOException e) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed request body", "the body is not valid JSON", null);
        }
        if (changes == null || !changes.isObject()) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", "the body must be a JSON object of settings",
                    List.of(new FieldProblem("", "must be an object")));
        }
        GatewayAdmin.Answer answer;
        try {
            answer = access.admin(target).putConfig(changes);
        } catch (IOException e) {
            return unreachable(e);
        }
        if (answer.ok()) {
            // the settings as sent (no secrets: provider keys come from the gateway's environment)
            audit.record("gateway_config_updated", "target", id, Map.of("name", target.name(), "changes", changes));
        }
        return relay(answer);
    }

    /** The gateway's answer as ours: its config on 2xx, its problems (with their paths) on 4xx, 502 otherwise. */
    private static ResponseEntity<Object> relay(GatewayAdmin.Answer answer) {
        if (answer.ok()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Json.write(answer.body()));
        }
        if (answer.status() == 401) {
            return problem(HttpStatus.BAD_GATEWAY, "Gateway refused", "the gateway refused the stored admin token; "
                    + "update the target's credentials.admin_token", null);
        }
        if (answer.status() == 400 || answer.status() == 422) {
            List<FieldProblem> errors = new ArrayList<>();
            answer.body().path("errors").forEach(e -> errors.add(new FieldProblem(e.path("path").asText(), e.path("message").asText())));
            return problem(HttpStatus.valueOf(answer.status()), answer.status() == 422 ? "Invalid config" : "Invalid request",
                    answer.body().path("detail").asText("the gateway refused the config"), errors.isEmpty() ? null : errors);
        }
        return problem(HttpStatus.BAD_GATEWAY, "Gateway error", "the gateway answered " + answer.status(), null);
    }

    private static ResponseEntity<Object> unreachable(IOException e) {
        return problem(HttpStatus.BAD_GATEWAY, "Gateway unreachable", "cannot reach the gateway: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), null);
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
}
