package dev.benchdeck.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the OpenAPI document × {anonymous, viewer, editor, admin, token read, token run,
 * token admin}: allowed (any answer but 401/403) or refused (401 anonymous, 403 otherwise), as the rules
 * table says. An operation without a rule fails the test: a new endpoint must be classified here.
 */
class AuthorizationMatrixIntegrationTest extends IntegrationTestSupport {

    /** Who may call an operation. */
    enum Rule {
        PUBLIC, VIEWER, EDITOR, ADMIN,
        /** a signed-in user in a browser session; API tokens are refused (password and two-factor changes) */
        VIEWER_SESSION
    }

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        RULES.put("GET /api/v1/auth/state", Rule.PUBLIC);
        RULES.put("POST /api/v1/auth/setup", Rule.PUBLIC);
        RULES.put("POST /api/v1/auth/sign-in", Rule.PUBLIC);
        RULES.put("POST /api/v1/auth/register", Rule.PUBLIC);
        RULES.put("POST /api/v1/auth/sign-out", Rule.VIEWER);
        RULES.put("POST /api/v1/auth/sign-out-everywhere", Rule.VIEWER);
        RULES.put("GET /api/v1/account", Rule.VIEWER);
        RULES.put("POST /api/v1/account/password", Rule.VIEWER_SESSION);
        RULES.put("POST /api/v1/account/totp", Rule.VIEWER_SESSION);
        RULES.put("POST /api/v1/account/totp/confirm", Rule.VIEWER_SESSION);
        RULES.put("POST /api/v1/account/totp/disable", Rule.VIEWER_SESSION);
        RULES.put("GET /api/v1/account/tokens", Rule.VIEWER);
        RULES.put("POST /api/v1/account/tokens", Rule.VIEWER);
        RULES.put("DELETE /api/v1/account/tokens/{id}", Rule.VIEWER);
        RULES.put("GET /api/v1/overview", Rule.VIEWER);
        RULES.put("POST /api/v1/plans/validate", Rule.VIEWER);
        RULES.put("GET /api/v1/targets", Rule.VIEWER);
        RULES.put("GET /api/v1/targets/{id}", Rule.VIEWER);
        RULES.put("POST /api/v1/targets", Rule.EDITOR);
        RULES.put("PUT /api/v1/targets/{id}", Rule.EDITOR);
        RULES.put("DELETE /api/v1/targets/{id}", Rule.EDITOR);
        RULES.put("POST /api/v1/targets/{id}/test", Rule.EDITOR);
        RULES.put("POST /api/v1/targets/{id}/query-check", Rule.EDITOR);
        RULES.put("GET /api/v1/targets/{id}/gateway/status", Rule.VIEWER);
        RULES.put("GET /api/v1/targets/{id}/gateway/config", Rule.VIEWER);
        RULES.put("PUT /api/v1/targets/{id}/gateway/config", Rule.EDITOR);
        RULES.put("GET /api/v1/targets/{id}/ingestor/stats", Rule.VIEWER);
        RULES.put("GET /api/v1/targets/{id}/ingestor/series", Rule.VIEWER);
        RULES.put("GET /api/v1/targets/{id}/ingestor/messages", Rule.VIEWER);
        RULES.put("POST /api/v1/targets/{id}/ingestor/simulate", Rule.EDITOR);
        RULES.put("GET /api/v1/agents", Rule.VIEWER);
        RULES.put("POST /api/v1/agents", Rule.EDITOR);
        RULES.put("POST /api/v1/agents/clock", Rule.EDITOR);
        RULES.put("POST /api/v1/agents/{id}/heartbeat", Rule.EDITOR);
        RULES.put("POST /api/v1/agents/{id}/runs/{runId}/intervals", Rule.EDITOR);
        RULES.put("POST /api/v1/agents/{id}/runs/{runId}/steps", Rule.EDITOR);
        RULES.put("POST /api/v1/agents/{id}/runs/{runId}/end", Rule.EDITOR);
        RULES.put("GET /api/v1/runs/{id}/shards", Rule.VIEWER);
        RULES.put("GET /api/v1/scenarios", Rule.VIEWER);
        RULES.put("GET /api/v1/scenarios/{id}", Rule.VIEWER);
        RULES.put("POST /api/v1/scenarios", Rule.EDITOR);
        RULES.put("PUT /api/v1/scenarios/{id}", Rule.EDITOR);
        RULES.put("DELETE /api/v1/scenarios/{id}", Rule.EDITOR);
        RULES.put("POST /api/v1/scenarios/{id}/runs", Rule.EDITOR);
        RULES.put("GET /api/v1/schedules", Rule.VIEWER);
        RULES.put("GET /api/v1/schedules/preview", Rule.VIEWER);
        RULES.put("GET /api/v1/scenarios/{id}/schedules", Rule.VIEWER);
        RULES.put("POST /api/v1/scenarios/{id}/schedules", Rule.EDITOR);
        RULES.put("GET /api/v1/schedules/{id}", Rule.VIEWER);
        RULES.put("PUT /api/v1/schedules/{id}", Rule.EDITOR);
        RULES.put("DELETE /api/v1/schedules/{id}", Rule.EDITOR);
        RULES.put("POST /api/v1/schedules/{id}/pause", Rule.EDITOR);
        RULES.put("POST /api/v1/schedules/{id}/resume", Rule.EDITOR);
        RULES.put("GET /api/v1/webhooks", Rule.ADMIN);
        RULES.put("POST /api/v1/webhooks", Rule.ADMIN);
        RULES.put("GET /api/v1/webhooks/{id}", Rule.ADMIN);
        RULES.put("PUT /api/v1/webhooks/{id}", Rule.ADMIN);
        RULES.put("DELETE /api/v1/webhooks/{id}", Rule.ADMIN);
        RULES.put("POST /api/v1/webhooks/{id}/test", Rule.ADMIN);
        RULES.put("GET /api/v1/webhooks/{id}/deliveries", Rule.ADMIN);
        RULES.put("GET /api/v1/runs", Rule.VIEWER);
        RULES.put("GET /api/v1/runs/{id}", Rule.VIEWER);
        RULES.put("GET /api/v1/runs/{id}/errors", Rule.VIEWER);
        RULES.put("GET /api/v1/runs/{id}/intervals", Rule.VIEWER);
        RULES.put("GET /api/v1/runs/{id}/result", Rule.VIEWER);
        RULES.put("GET /api/v1/runs/{id}/report", Rule.VIEWER);
        RULES.put("GET /api/v1/comparisons", Rule.VIEWER);
        RULES.put("GET /api/v1/comparisons/report", Rule.VIEWER);
        RULES.put("GET /api/v1/runs/{id}/telemetry", Rule.VIEWER);
        RULES.put("POST /api/v1/runs/{id}/cancel", Rule.EDITOR);
        RULES.put("POST /api/v1/runs/{id}/rerun", Rule.EDITOR);
        RULES.put("DELETE /api/v1/runs/{id}", Rule.EDITOR);
        RULES.put("POST /api/v1/runs/import", Rule.EDITOR);
        RULES.put("PATCH /api/v1/runs/{id}/labels", Rule.EDITOR);
        RULES.put("GET /api/v1/runs/{id}/alerts", Rule.VIEWER);
        RULES.put("GET /api/v1/scenarios/{id}/history", Rule.VIEWER);
        RULES.put("GET /api/v1/scenarios/{id}/alerts", Rule.VIEWER);
        RULES.put("GET /api/v1/scenarios/{id}/detection", Rule.VIEWER);
        RULES.put("PUT /api/v1/scenarios/{id}/detection", Rule.EDITOR);
        RULES.put("GET /api/v1/alerts", Rule.VIEWER);
        RULES.put("POST /api/v1/alerts/{id}/acknowledge", Rule.EDITOR);
        RULES.put("POST /api/v1/alerts/{id}/false-positive", Rule.EDITOR);
        RULES.put("GET /api/v1/demo-target/config", Rule.VIEWER);
        RULES.put("PUT /api/v1/demo-target/config", Rule.EDITOR);
        RULES.put("GET /api/v1/mock-llm/config", Rule.VIEWER);
        RULES.put("GET /api/v1/mock-llm/stats", Rule.VIEWER);
        RULES.put("PUT /api/v1/mock-llm/config", Rule.EDITOR);
        RULES.put("GET /api/v1/users", Rule.ADMIN);
        RULES.put("POST /api/v1/users", Rule.ADMIN);
        RULES.put("PATCH /api/v1/users/{id}", Rule.ADMIN);
        RULES.put("POST /api/v1/users/{id}/reset-password", Rule.ADMIN);
        RULES.put("GET /api/v1/settings", Rule.ADMIN);
        RULES.put("PUT /api/v1/settings", Rule.ADMIN);
        RULES.put("GET /api/v1/audit", Rule.ADMIN);
    }

    /** A caller: its role, and whether it comes with a token (else a browser session, or nobody). */
    private record Caller(String name, Role role, boolean token, Browser browser, String bearer, TestUser user) {
    }

    @Test
    void everyOperationAnswersEachCallerAsTheRulesSay() {
        List<String> operations = operations();
        assertThat(operations).hasSizeGreaterThan(40);
        List<String> unclassified = operations.stream().filter(op -> !RULES.containsKey(op)).toList();
        assertThat(unclassified).as("operations without a rule in AuthorizationMatrixIntegrationTest.RULES").isEmpty();

        TestUser viewer = newUser("matrix-viewer", Role.VIEWER);
        TestUser editor = newUser("matrix-editor", Role.EDITOR);
        TestUser admin = newUser("matrix-admin", Role.ADMIN);
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("anonymous", null, false, new Browser(port), null, null));
        for (Map.Entry<TestUser, Role> user : List.of(Map.entry(viewer, Role.VIEWER), Map.entry(editor, Role.EDITOR), Map.entry(admin, Role.ADMIN))) {
            callers.add(new Caller(user.getValue().value() + " session", user.getValue(), false, new Browser(port), null, user.getKey()));
        }
        for (TokenScope scope : TokenScope.values()) {
            String token = tokenService.create(admin.id(), "matrix", List.of(scope), null).secret();
            callers.add(new Caller("admin's token " + scope.value(), scope.role(), true, null, token, null));
        }

        List<String> wrong = new ArrayList<>();
        for (String operation : operations) {
            for (Caller caller : callers) {
                if (caller.user() != null && caller.browser().get("/api/v1/account").status() == 401) {
                    // signed in anew after a sign-out operation (and at the start)
                    assertThat(caller.browser().signIn(caller.user().username(), caller.user().password()).status()).isEqualTo(200);
                }
                int status = call(caller, operation);
                boolean allowed = allowed(RULES.get(operation), caller);
                int expected = caller.role() == null ? 401 : 403;
                if (allowed ? status == 401 || status == 403 : status != expected) {
                    wrong.add(operation + " as " + caller.name() + ": " + status + " (expected " + (allowed ? "allowed" : expected) + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static boolean allowed(Rule rule, Caller caller) {
        return switch (rule) {
            case PUBLIC -> true;
            case VIEWER -> caller.role() != null;
            case VIEWER_SESSION -> caller.role() != null && !caller.token();
            case EDITOR -> caller.role() != null && caller.role().includes(Role.EDITOR);
            case ADMIN -> caller.role() == Role.ADMIN;
        };
    }

    /** The operation on ids that do not exist and with an empty object as body: enough to pass or fail the access check. */
    private int call(Caller caller, String operation) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "987654321");
        String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
        if (caller.browser() != null) {
            return method.equals("GET") ? caller.browser().get(path).status() : caller.browser().write(method, path, body).status();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + caller.bearer())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return sendAsIs(request.build()).status();
    }

    private List<String> operations() {
        List<String> operations = new ArrayList<>();
        JsonNode paths = get("/v3/api-docs").json().path("paths");
        paths.properties().forEach(path -> path.getValue().properties()
                .forEach(method -> operations.add(method.getKey().toUpperCase() + " " + path.getKey())));
        return operations;
    }
}
