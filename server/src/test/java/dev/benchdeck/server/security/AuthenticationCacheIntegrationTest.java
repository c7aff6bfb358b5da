package dev.benchdeck.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.server.IntegrationTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A server of its own whose pool notes every SQL statement ({@link StatementLog}): what authentication costs
 * the database per request once its token or session is cached, and that every change authentication depends
 * on reaches the very next request (each test warms the cache first, so it fails if the change is not forgotten).
 */
@Import(StatementLog.Config.class)
@TestPropertySource(properties = "benchdeck.test.instance=auth-cache")
class AuthenticationCacheIntegrationTest extends IntegrationTestSupport {

    private static final int REQUESTS = 20;

    private Response asToken(String token, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return sendAsIs(request.build());
    }

    @Test
    void aTokenRequestAfterTheFirstCostsNoAuthenticationStatement() {
        TestUser viewer = newUser("viewer", Role.VIEWER);
        assertThat(asToken(viewer.token(), "GET", "/api/v1/runs", null).status()).isEqualTo(200);
        sleep(300); // the first request's last-used write may still be on its way
        StatementLog.clear();
        for (int i = 0; i < REQUESTS; i++) {
            assertThat(asToken(viewer.token(), "GET", "/api/v1/runs", null).status()).isEqualTo(200);
        }
        List<String> statements = StatementLog.authentication();
        assertThat(statements).as("authentication statements in %d token requests", REQUESTS).isEmpty();
    }

    @Test
    void aSessionRequestAfterTheFirstCostsNoAuthenticationStatement() {
        TestUser viewer = newUser("viewer", Role.VIEWER);
        Browser browser = new Browser(port);
        assertThat(browser.signIn(viewer.username(), viewer.password()).status()).isEqualTo(200);
        assertThat(browser.get("/api/v1/runs").status()).isEqualTo(200);
        StatementLog.clear();
        for (int i = 0; i < REQUESTS; i++) {
            assertThat(browser.get("/api/v1/runs").status()).isEqualTo(200);
        }
        List<String> statements = StatementLog.authentication();
        assertThat(statements).as("authentication statements in %d session requests", REQUESTS).isEmpty();
    }

    private Response asAdmin(String method, String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private static void assertStatus(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    private Browser signedIn(TestUser user) {
        Browser browser = new Browser(port);
        assertStatus(browser.signIn(user.username(), user.password()), 200);
        assertStatus(browser.get("/api/v1/runs"), 200);
        return browser;
    }

    private long tokenId(String token) {
        for (JsonNode listed : asToken(token, "GET", "/api/v1/account/tokens", null).json()) {
            if (token.substring(3).startsWith(listed.get("prefix").asText())) {
                return listed.get("id").asLong();
            }
        }
        throw new AssertionError("the token is not listed");
    }

    @Test
    void aRevokedTokenIsRefusedAtItsVeryNextRequestAndTheOwnersOtherTokenIsNot() {
        TestUser editor = newUser("editor", Role.EDITOR);
        String other = tokenService.create(editor.id(), "other", List.of(TokenScope.RUN), null).secret();
        assertStatus(asToken(editor.token(), "GET", "/api/v1/runs", null), 200);
        assertStatus(asToken(other, "GET", "/api/v1/runs", null), 200);
        assertStatus(asToken(other, "DELETE", "/api/v1/account/tokens/" + tokenId(editor.token()), null), 204);
        assertStatus(asToken(editor.token(), "GET", "/api/v1/runs", null), 401);
        assertStatus(asToken(other, "GET", "/api/v1/runs", null), 200);
    }

    @Test
    void aDisabledUsersTokenAndSessionAreRefusedAtTheirVeryNextRequest() {
        TestUser viewer = newUser("viewer", Role.VIEWER);
        Browser browser = signedIn(viewer);
        assertStatus(asToken(viewer.token(), "GET", "/api/v1/runs", null), 200);
        assertStatus(asAdmin("PATCH", "/api/v1/users/" + viewer.id(), "{\"enabled\": false}"), 200);
        assertStatus(asToken(viewer.token(), "GET", "/api/v1/runs", null), 401);
        assertStatus(browser.get("/api/v1/runs"), 401);
    }

    @Test
    void aRoleChangeAppliesToTheVeryNextRequestOfTokenAndSession() {
        TestUser editor = newUser("editor", Role.EDITOR);
        Browser browser = signedIn(editor);
        // an editor's invalid target is a 400; a viewer may not even try (403)
        assertStatus(asToken(editor.token(), "POST", "/api/v1/targets", "{}"), 400);
        assertStatus(browser.post("/api/v1/targets", "{}"), 400);
        assertStatus(asAdmin("PATCH", "/api/v1/users/" + editor.id(), "{\"role\": \"viewer\"}"), 200);
        assertStatus(asToken(editor.token(), "POST", "/api/v1/targets", "{}"), 403);
        assertStatus(browser.post("/api/v1/targets", "{}"), 403);
        assertStatus(asAdmin("PATCH", "/api/v1/users/" + editor.id(), "{\"role\": \"editor\"}"), 200);
        assertStatus(asToken(editor.token(), "POST", "/api/v1/targets", "{}"), 400);
    }

    @Test
    void aPasswordResetEndsTheSessionAtOnceAndHoldsTheTokenAtAPasswordChange() {
        TestUser viewer = newUser("viewer", Role.VIEWER);
        Browser browser = signedIn(viewer);
        assertStatus(asToken(viewer.token(), "GET", "/api/v1/runs", null), 200);
        assertStatus(asAdmin("POST", "/api/v1/users/" + viewer.id() + "/reset-password",
                "{\"password\": \"a new password an admin set 41d2\"}"), 204);
        assertStatus(browser.get("/api/v1/runs"), 401);
        Response held = asToken(viewer.token(), "GET", "/api/v1/runs", null);
        assertStatus(held, 403);
        assertThat(held.json().get("type").asText()).endsWith("/password-change-required");
    }

    @Test
    void aChangedPasswordLetsTheSameSessionOnAtItsVeryNextRequest() {
        String name = "newcomer-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String first = "a first password an admin set 9c1e";
        assertStatus(asAdmin("POST", "/api/v1/users",
                "{\"username\": \"" + name + "\", \"password\": \"" + first + "\", \"role\": \"viewer\"}"), 201);
        Browser browser = new Browser(port);
        assertStatus(browser.signIn(name, first), 200);
        assertStatus(browser.get("/api/v1/runs"), 403);
        assertStatus(browser.post("/api/v1/account/password",
                "{\"current_password\": \"" + first + "\", \"new_password\": \"the password of my own choosing 5e8a\"}"), 204);
        assertStatus(browser.get("/api/v1/runs"), 200);
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheUserAtOnce() {
        TestUser viewer = newUser("viewer", Role.VIEWER);
        Browser laptop = signedIn(viewer);
        Browser phone = signedIn(viewer);
        assertStatus(laptop.post("/api/v1/auth/sign-out-everywhere", null), 204);
        assertStatus(phone.get("/api/v1/runs"), 401);
        assertStatus(laptop.get("/api/v1/runs"), 401);
        assertStatus(asToken(viewer.token(), "GET", "/api/v1/runs", null), 200);
    }

    @Test
    void aSignedOutSessionsCookieIsRefusedAtOnce() {
        TestUser viewer = newUser("viewer", Role.VIEWER);
        Browser browser = signedIn(viewer);
        String cookie = browser.sessionCookie().orElseThrow().getValue();
        assertStatus(browser.post("/api/v1/auth/sign-out", null), 204);
        Browser replay = new Browser(port);
        replay.setSessionCookie(cookie);
        assertStatus(replay.get("/api/v1/runs"), 401);
    }

    @Test
    void aCachedTokenIsRefusedOnceItExpires() {
        TestUser viewer = newUser("viewer", Role.VIEWER);
        Instant expires = Instant.now().plusSeconds(2);
        String token = tokenService.create(viewer.id(), "short-lived", List.of(TokenScope.READ), expires).secret();
        assertStatus(asToken(token, "GET", "/api/v1/runs", null), 200);
        assertStatus(asToken(token, "GET", "/api/v1/runs", null), 200);
        sleep(Math.max(0, expires.toEpochMilli() - System.currentTimeMillis()) + 100);
        assertStatus(asToken(token, "GET", "/api/v1/runs", null), 401);
    }

    @Test
    void aTokensLastUseIsWrittenOncePerMinuteAndOffTheRequest() {
        TestUser viewer = newUser("viewer", Role.VIEWER);
        StatementLog.clear();
        for (int i = 0; i < REQUESTS; i++) {
            assertStatus(asToken(viewer.token(), "GET", "/api/v1/runs", null), 200);
        }
        JsonNode lastUsed = null;
        for (int i = 0; i < 50 && (lastUsed == null || lastUsed.isNull()); i++) {
            sleep(100);
            lastUsed = asToken(viewer.token(), "GET", "/api/v1/account/tokens", null).json().get(0).get("last_used_at");
        }
        assertThat(lastUsed).isNotNull();
        assertThat(Instant.parse(lastUsed.asText())).isAfter(Instant.now().minusSeconds(60));
        assertThat(StatementLog.authentication().stream().filter(sql -> sql.contains("last_used_at = now()")))
                .as("last-use writes in %d requests", REQUESTS + 1).hasSize(1);
    }
}
