package dev.benchdeck.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.server.user.Totp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sign-in and out, sessions, CSRF, tokens, roles and ownership, forced password changes, TOTP, registration. */
class SecurityIntegrationTest extends IntegrationTestSupport {

    private static final String PLAN = "workload: {driver: http, path: /hello}\nload: {model: closed, users: 1, duration: 1s}\n";

    private Browser browser() {
        return new Browser(port);
    }

    private Response asToken(String token, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return sendAsIs(request.build());
    }

    private static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/" + type);
    }

    @Test
    void aSignedInBrowserUsesTheApiUntilItSignsOut() {
        TestUser editor = newUser("editor", Role.EDITOR);
        Browser browser = browser();
        assertProblem(browser.get("/api/v1/account"), 401, "unauthenticated");
        JsonNode state = browser.get("/api/v1/auth/state").json();
        assertThat(state.get("signed_in").asBoolean()).isFalse();
        assertThat(state.get("setup_required").asBoolean()).isFalse();
        assertThat(browser.cookie("XSRF-TOKEN")).as("the CSRF cookie for the dashboard").isPresent();

        Response signedIn = browser.signIn(editor.username(), editor.password());
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.json().get("role").asText()).isEqualTo("editor");
        assertThat(browser.sessionCookie().orElseThrow().isHttpOnly()).isTrue();
        String sessionId = new String(java.util.Base64.getDecoder().decode(browser.sessionCookie().orElseThrow().getValue()));
        assertThat(sessionId).as("256 random bits, base64url (ASVS 7.2.3 asks for 128 or more)").matches("[A-Za-z0-9_-]{43}");
        assertThat(browser.get("/api/v1/account").json().get("username").asText()).isEqualTo(editor.username());
        assertThat(browser.get("/api/v1/auth/state").json().at("/user/username").asText()).isEqualTo(editor.username());
        assertThat(browser.get("/api/v1/targets").status()).isEqualTo(200);

        String cookie = browser.sessionCookie().orElseThrow().getValue();
        assertThat(browser.post("/api/v1/auth/sign-out", null).status()).isEqualTo(204);
        assertThat(get("/api/v1/audit?actor=" + editor.username()).json().get("items").findValuesAsText("action"))
                .as("newest first").startsWith("sign_out", "sign_in");
        assertProblem(browser.get("/api/v1/account"), 401, "unauthenticated");
        Browser replay = browser();
        replay.setSessionCookie(cookie);
        assertProblem(replay.get("/api/v1/account"), 401, "unauthenticated");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        TestUser viewer = newUser("viewer", Role.VIEWER);
        Response wrong = browser().signIn(viewer.username(), "not the password at all");
        Response unknown = browser().signIn("nobody-" + viewer.username(), "not the password at all");
        assertProblem(wrong, 401, "sign-in-failed");
        assertProblem(unknown, 401, "sign-in-failed");
        assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        // both are in the audit log under the name that was tried; the password never is
        String failed = get("/api/v1/audit?action=sign_in_failed&actor=" + viewer.username()).body()
                + get("/api/v1/audit?action=sign_in_failed&actor=nobody-" + viewer.username()).body();
        assertThat(failed).contains("\"actor\":\"" + viewer.username() + "\"").contains("\"actor\":\"nobody-" + viewer.username() + "\"")
                .doesNotContain("not the password");
        // similar timing: both pay for one Argon2 hash
        long known = time(() -> browser().signIn(viewer.username(), "not the password at all"));
        long nobody = time(() -> browser().signIn("nobody-" + viewer.username(), "not the password at all"));
        assertThat(Math.max(known, nobody)).as("ms: %d vs %d", known, nobody).isLessThan(Math.min(known, nobody) * 4 + 50);
    }

    private static long time(Runnable action) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            action.run();
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        return best;
    }

    @Test
    void signingInGivesANewSessionIdAndTheOldOneStopsWorking() {
        TestUser viewer = newUser("viewer", Role.VIEWER);
        Browser browser = browser();
        browser.signIn(viewer.username(), viewer.password());
        String first = browser.sessionCookie().orElseThrow().getValue();
        assertThat(browser.signIn(viewer.username(), viewer.password()).status()).isEqualTo(200);
        String second = browser.sessionCookie().orElseThrow().getValue();
        assertThat(second).isNotEqualTo(first);
        Browser attacker = browser();
        attacker.setSessionCookie(first);
        assertProblem(attacker.get("/api/v1/account"), 401, "unauthenticated");
        assertThat(browser.get("/api/v1/account").status()).isEqualTo(200);

        // a session id planted before sign-in (fixation) is not the one that gets signed in
        Browser victim = browser();
        victim.setSessionCookie(second);
        assertThat(victim.signIn(viewer.username(), viewer.password()).status()).isEqualTo(200);
        Browser planter = browser();
        planter.setSessionCookie(second);
        assertProblem(planter.get("/api/v1/account"), 401, "unauthenticated");
    }

    @Test
    void cookieWritesNeedTheCsrfHeaderAndBearerRequestsDoNot() {
        TestUser editor = newUser("editor", Role.EDITOR);
        Browser browser = browser();
        browser.signIn(editor.username(), editor.password());
        String validate = "{\"plan_yaml\": \"" + PLAN.replace("\n", "\\n") + "\"}";
        browser.sendCsrfHeader = false;
        Response refused = browser.post("/api/v1/plans/validate", validate);
        assertProblem(refused, 403, "forbidden");
        assertThat(refused.json().get("detail").asText()).contains("CSRF");
        assertProblem(browser.post("/api/v1/scenarios/" + createScenario("csrf", PLAN) + "/runs", null), 403, "forbidden");
        browser.sendCsrfHeader = true;
        assertThat(browser.post("/api/v1/plans/validate", validate).status()).isEqualTo(200);
        assertThat(asToken(editor.token(), "POST", "/api/v1/plans/validate", validate).status()).isEqualTo(200);
    }

    @Test
    void theLiveFeedNeedsASessionOrAToken() throws Exception {
        URI live = URI.create("ws://127.0.0.1:" + port + "/api/v1/live");
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(live, new WebSocket.Listener() { })
                .get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(401));
        TestUser viewer = newUser("viewer", Role.VIEWER);
        Browser browser = browser();
        browser.signIn(viewer.username(), viewer.password());
        WebSocket withSession = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Cookie", "benchdeck_session=" + browser.sessionCookie().orElseThrow().getValue())
                .buildAsync(live, new WebSocket.Listener() { }).get(5, TimeUnit.SECONDS);
        withSession.abort();
        WebSocket withToken = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + viewer.token())
                .buildAsync(live, new WebSocket.Listener() { }).get(5, TimeUnit.SECONDS);
        withToken.abort();
    }

    @Test
    void tokensAreShownOnceWorkUntilRevokedOrExpiredAndAreCappedByTheirScopesAndRole() {
        TestUser editor = newUser("editor", Role.EDITOR);
        Browser browser = browser();
        browser.signIn(editor.username(), editor.password());
        Response created = browser.post("/api/v1/account/tokens", "{\"name\": \"ci\", \"scopes\": [\"read\"], \"expires_in_days\": 30}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().get("token").asText();
        assertThat(token).matches("bd_[A-Za-z0-9_-]{43}");
        assertThat(created.json().get("prefix").asText()).isEqualTo(token.substring(3, 11));
        assertThat(created.json().get("expires_at").asText()).startsWith(String.valueOf(Instant.now().plusSeconds(30 * 86400)).substring(0, 10));

        assertThat(asToken(token, "GET", "/api/v1/targets", null).status()).isEqualTo(200);
        assertProblem(asToken(token, "POST", "/api/v1/scenarios", "{}"), 403, "forbidden");
        Response listed = browser.get("/api/v1/account/tokens");
        assertThat(listed.body()).doesNotContain(token).contains(token.substring(3, 11));
        JsonNode mine = listed.json().get(listed.json().size() - 1);
        assertThat(mine.get("last_used_at").isNull()).as("last use recorded").isFalse();
        assertThat(mine.has("token")).isFalse();

        Response tooWide = browser.post("/api/v1/account/tokens", "{\"name\": \"x\", \"scopes\": [\"admin\"]}");
        assertProblem(tooWide, 400, "invalid-request");
        assertThat(tooWide.json().at("/errors/0/path").asText()).isEqualTo("scopes[0]");

        assertThat(browser.write("DELETE", "/api/v1/account/tokens/" + created.json().get("id").asLong(), null).status()).isEqualTo(204);
        assertProblem(asToken(token, "GET", "/api/v1/targets", null), 401, "unauthenticated");

        String expired = tokenService.create(editor.id(), "old", List.of(TokenScope.READ), Instant.now().minusSeconds(1)).secret();
        assertProblem(asToken(expired, "GET", "/api/v1/targets", null), 401, "unauthenticated");
        assertProblem(asToken("bd_" + "x".repeat(43), "GET", "/api/v1/targets", null), 401, "unauthenticated");

        // an admin's token with the read scope reads only
        String adminRead = tokenService.create(userService.list().stream().filter(u -> u.username().equals(ADMIN)).findFirst()
                .orElseThrow().id(), "read only", List.of(TokenScope.READ), null).secret();
        assertThat(asToken(adminRead, "GET", "/api/v1/scenarios", null).status()).isEqualTo(200);
        assertProblem(asToken(adminRead, "GET", "/api/v1/users", null), 403, "forbidden");
        assertProblem(asToken(adminRead, "POST", "/api/v1/scenarios/" + createScenario("read-token", PLAN) + "/runs", null), 403, "forbidden");
    }

    @Test
    void disablingAUserEndsTheirSessionsAndTokens() {
        TestUser editor = newUser("editor", Role.EDITOR);
        Browser browser = browser();
        browser.signIn(editor.username(), editor.password());
        assertThat(asToken(editor.token(), "GET", "/api/v1/targets", null).status()).isEqualTo(200);
        Response disabled = send(HttpRequest.newBuilder(uri("/api/v1/users/" + editor.id())).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\": false}")));
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertProblem(browser.get("/api/v1/account"), 401, "unauthenticated");
        assertProblem(asToken(editor.token(), "GET", "/api/v1/targets", null), 401, "unauthenticated");
        assertProblem(browser().signIn(editor.username(), editor.password()), 401, "sign-in-failed");
        // enabling again does not bring the tokens back
        send(HttpRequest.newBuilder(uri("/api/v1/users/" + editor.id())).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\": true}")));
        assertProblem(asToken(editor.token(), "GET", "/api/v1/targets", null), 401, "unauthenticated");
        assertThat(browser().signIn(editor.username(), editor.password()).status()).isEqualTo(200);
    }

    @Test
    void signOutEverywhereEndsEverySessionButNotTheTokens() {
        TestUser viewer = newUser("viewer", Role.VIEWER);
        Browser one = browser();
        Browser two = browser();
        one.signIn(viewer.username(), viewer.password());
        two.signIn(viewer.username(), viewer.password());
        assertThat(one.post("/api/v1/auth/sign-out-everywhere", null).status()).isEqualTo(204);
        assertProblem(one.get("/api/v1/account"), 401, "unauthenticated");
        assertProblem(two.get("/api/v1/account"), 401, "unauthenticated");
        assertThat(asToken(viewer.token(), "GET", "/api/v1/account", null).status()).isEqualTo(200);
    }

    @Test
    void anEditorChangesOnlyWhatTheyCreatedAndAnAdminAnything() {
        TestUser owner = newUser("editor", Role.EDITOR);
        TestUser other = newUser("editor", Role.EDITOR);
        TestUser viewer = newUser("viewer", Role.VIEWER);
        String body = Json.write(Map.of("name", "owned", "target_id", demoTargetId(), "plan_yaml", PLAN));
        Response created = asToken(owner.token(), "POST", "/api/v1/scenarios", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("created_by").asText()).isEqualTo(owner.username());

        assertProblem(asToken(other.token(), "PUT", "/api/v1/scenarios/" + id, body), 403, "forbidden");
        assertProblem(asToken(other.token(), "DELETE", "/api/v1/scenarios/" + id, null), 403, "forbidden");
        assertProblem(asToken(viewer.token(), "PUT", "/api/v1/scenarios/" + id, body), 403, "forbidden");
        assertProblem(asToken(viewer.token(), "POST", "/api/v1/scenarios", body), 403, "forbidden");
        assertThat(asToken(owner.token(), "PUT", "/api/v1/scenarios/" + id, body).status()).isEqualTo(200);

        assertThat(asToken(owner.token(), "GET", "/api/v1/scenarios?mine=true", null).json().findValues("id"))
                .extracting(JsonNode::asLong).containsExactly(id);
        assertThat(asToken(other.token(), "GET", "/api/v1/scenarios?mine=true", null).json()).isEmpty();
        JsonNode demo = get("/api/v1/targets").json().get(0);
        assertThat(demo.get("created_by").isNull()).as("demo content has no creator").isTrue();
        assertProblem(asToken(other.token(), "DELETE", "/api/v1/targets/" + demo.get("id").asLong(), null), 403, "forbidden");

        long run = asToken(other.token(), "POST", "/api/v1/scenarios/" + id + "/runs", null).json().get("id").asLong();
        awaitRun(run, r -> r.get("status").asText().equals("completed"), java.time.Duration.ofSeconds(30));
        assertThat(get("/api/v1/runs/" + run).json().get("created_by").asText()).isEqualTo(other.username());
        assertThat(asToken(other.token(), "GET", "/api/v1/runs?mine=true", null).json().at("/items/0/id").asLong()).isEqualTo(run);
        assertProblem(asToken(owner.token(), "DELETE", "/api/v1/runs/" + run, null), 403, "forbidden");
        assertThat(asToken(other.token(), "DELETE", "/api/v1/runs/" + run, null).status()).isEqualTo(204);

        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/scenarios/" + id)).DELETE()).status()).as("the admin").isEqualTo(204);
    }

    @Test
    void aPasswordSetByAnAdminMustBeChangedBeforeAnythingElse() {
        String name = "new-" + System.nanoTime();
        Response created = post("/api/v1/users", Json.write(Map.of("username", name, "password", "first password from the admin", "role", "editor")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("must_change_password").asBoolean()).isTrue();
        assertProblem(post("/api/v1/users", Json.write(Map.of("username", name + "x", "password", "password1234", "role", "editor"))),
                400, "invalid-request");

        Browser browser = browser();
        assertThat(browser.signIn(name, "first password from the admin").status()).isEqualTo(200);
        assertProblem(browser.get("/api/v1/targets"), 403, "password-change-required");
        assertThat(browser.get("/api/v1/account").status()).isEqualTo(200);
        Response weak = browser.post("/api/v1/account/password",
                "{\"current_password\": \"first password from the admin\", \"new_password\": \"qwertyuiop12\"}");
        assertProblem(weak, 400, "invalid-request");
        assertThat(weak.json().at("/errors/0/path").asText()).isEqualTo("new_password");
        assertThat(browser.post("/api/v1/account/password",
                "{\"current_password\": \"first password from the admin\", \"new_password\": \"my own long passphrase\"}").status())
                .isEqualTo(204);
        assertThat(browser.get("/api/v1/targets").status()).isEqualTo(200);

        long id = created.json().get("id").asLong();
        assertThat(post("/api/v1/users/" + id + "/reset-password", "{\"password\": \"reset by the admin 2026\"}").status()).isEqualTo(204);
        assertProblem(browser.get("/api/v1/account"), 401, "unauthenticated");
        Browser again = browser();
        again.signIn(name, "reset by the admin 2026");
        assertProblem(again.get("/api/v1/runs"), 403, "password-change-required");
    }

    @Test
    void twoFactorSignInTakesTheCurrentCodeOrARecoveryCodeOnce() {
        TestUser viewer = newUser("viewer", Role.VIEWER);
        Browser browser = browser();
        browser.signIn(viewer.username(), viewer.password());
        JsonNode enrolment = browser.post("/api/v1/account/totp", null).json();
        byte[] secret = Totp.fromBase32(enrolment.get("secret").asText());
        assertThat(enrolment.get("otpauth_uri").asText()).startsWith("otpauth://totp/Benchdeck%3A").contains("secret=" + enrolment.get("secret").asText());
        assertProblem(browser.post("/api/v1/account/totp/confirm", "{\"code\": \"000000\"}".replace("000000",
                Totp.code(secret, Totp.step(Instant.now().getEpochSecond()) + 5))), 400, "invalid-request");
        long step = Totp.step(Instant.now().getEpochSecond());
        Response confirmed = browser.post("/api/v1/account/totp/confirm", "{\"code\": \"" + Totp.code(secret, step) + "\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        List<String> recovery = confirmed.json().get("recovery_codes").valueStream().map(JsonNode::asText).toList();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        // at least 112 bits each (ASVS 6.5.2, as they are kept as plain SHA-256): 25 of 31 symbols is 25 × 4.95 ≈ 124
        assertThat(recovery).allSatisfy(code -> assertThat(code).matches("[a-hjkmnp-z2-9]{5}(-[a-hjkmnp-z2-9]{5}){4}"));

        Response noCode = browser().signIn(viewer.username(), viewer.password());
        assertProblem(noCode, 401, "totp-required");
        assertThat(noCode.json().at("/errors/0/path").asText()).isEqualTo("totp_code");
        String signIn = "{\"username\": \"" + viewer.username() + "\", \"password\": \"" + viewer.password() + "\", \"totp_code\": \"%s\"}";
        assertProblem(browser().post("/api/v1/auth/sign-in", signIn.formatted(Totp.code(secret, step))), 401, "totp-required");
        assertThat(browser().post("/api/v1/auth/sign-in", signIn.formatted(Totp.code(secret, step + 1))).status())
                .as("the next step's code (clock skew of one step)").isEqualTo(200);
        assertThat(browser().post("/api/v1/auth/sign-in", signIn.formatted(recovery.get(3))).status()).isEqualTo(200);
        assertProblem(browser().post("/api/v1/auth/sign-in", signIn.formatted(recovery.get(3))), 401, "totp-required");

        assertProblem(browser.post("/api/v1/account/totp/disable", "{\"password\": \"wrong password here\"}"), 400, "invalid-request");
        assertThat(browser.post("/api/v1/account/totp/disable", "{\"password\": \"" + viewer.password() + "\"}").status()).isEqualTo(204);
        assertThat(browser().signIn(viewer.username(), viewer.password()).status()).isEqualTo(200);
    }

    @Test
    void whenTheAdminsRequireTotpASessionWithoutItMustEnrolFirst() {
        TestUser viewer = newUser("viewer", Role.VIEWER);
        try {
            assertThat(put("/api/v1/settings", "{\"self_registration\": false, \"require_totp\": true}").status()).isEqualTo(200);
            Browser browser = browser();
            assertThat(browser.signIn(viewer.username(), viewer.password()).status()).isEqualTo(200);
            assertProblem(browser.get("/api/v1/targets"), 403, "totp-enrolment-required");
            assertThat(browser.get("/api/v1/account").status()).isEqualTo(200);
            assertThat(browser.get("/api/v1/auth/state").json().get("require_totp").asBoolean()).isTrue();
            JsonNode enrolment = browser.post("/api/v1/account/totp", null).json();
            String code = Totp.code(Totp.fromBase32(enrolment.get("secret").asText()), Totp.step(Instant.now().getEpochSecond()));
            assertThat(browser.post("/api/v1/account/totp/confirm", "{\"code\": \"" + code + "\"}").status()).isEqualTo(200);
            assertThat(browser.get("/api/v1/targets").status()).isEqualTo(200);
        } finally {
            put("/api/v1/settings", "{\"self_registration\": false, \"require_totp\": false}");
        }
    }

    @Test
    void selfRegistrationWorksOnlyWhenTheAdminsTurnItOn() {
        String register = "{\"username\": \"self-" + System.nanoTime() + "\", \"password\": \"a long enough passphrase\"}";
        assertProblem(browser().post("/api/v1/auth/register", register), 403, "forbidden");
        try {
            put("/api/v1/settings", "{\"self_registration\": true, \"require_totp\": false}");
            assertThat(browser().get("/api/v1/auth/state").json().get("self_registration").asBoolean()).isTrue();
            Response registered = browser().post("/api/v1/auth/register", register);
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            assertThat(registered.json().get("role").asText()).isEqualTo("viewer");
            assertThat(browser().post("/api/v1/auth/register", register).status()).as("the name is taken").isEqualTo(409);
        } finally {
            put("/api/v1/settings", "{\"self_registration\": false, \"require_totp\": false}");
        }
    }

    @Test
    void prometheusAndTheApiDocsNeedAUserAndHealthDetailsASignedInOne() {
        TestUser viewer = newUser("viewer", Role.VIEWER);
        assertProblem(sendAsIs(HttpRequest.newBuilder(uri("/v3/api-docs")).build()), 401, "unauthenticated");
        assertProblem(sendAsIs(HttpRequest.newBuilder(uri("/swagger-ui.html")).build()), 401, "unauthenticated");
        assertProblem(sendAsIs(HttpRequest.newBuilder(uri("/actuator/prometheus")).build()), 401, "unauthenticated");
        assertProblem(asToken(viewer.token(), "GET", "/actuator/prometheus", null), 403, "forbidden");
        assertThat(get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(asToken(viewer.token(), "GET", "/v3/api-docs", null).status()).isEqualTo(200);
        Response anonymousHealth = sendAsIs(HttpRequest.newBuilder(uri("/actuator/health")).build());
        assertThat(anonymousHealth.status()).isEqualTo(200);
        assertThat(anonymousHealth.json().has("components")).isFalse();
        assertThat(asToken(viewer.token(), "GET", "/actuator/health", null).json().has("components")).isTrue();
        assertThat(sendAsIs(HttpRequest.newBuilder(uri("/")).build()).status()).as("the dashboard").isEqualTo(200);
    }
}
