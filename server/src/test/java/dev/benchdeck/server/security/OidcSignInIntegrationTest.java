package dev.benchdeck.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.testidp.TestOpenIdProvider;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * OIDC sign-in against a real OpenID provider (Spring Authorization Server, {@link TestOpenIdProvider}),
 * driven as a browser would: redirects followed by hand, the provider's login form posted, cookies kept.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"benchdeck.test.instance=oidc",
        "benchdeck.security.oidc.client-id=" + OidcSignInIntegrationTest.CLIENT_ID,
        "benchdeck.security.oidc.client-secret-env=" + OidcSignInIntegrationTest.SECRET_ENV,
        "benchdeck.security.oidc.name=Test SSO",
        "benchdeck.security.oidc.roles[bench-admins]=admin",
        "benchdeck.security.oidc.roles[bench-editors]=editor",
        "benchdeck.security.oidc.roles[bench-viewers]=viewer",
        // the flow's own log lines are in the captured output too: the secret must be in none of them
        "logging.level.org.springframework.security=debug"})
class OidcSignInIntegrationTest extends IntegrationTestSupport {

    static final String CLIENT_ID = "benchdeck-test";
    /** Set by the build (server/pom.xml) for the test JVM: the server reads the secret from there only. */
    static final String SECRET_ENV = "BENCHDECK_TEST_OIDC_CLIENT_SECRET";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private static TestOpenIdProvider provider;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("benchdeck.security.oidc.issuer-uri", () -> provider().issuer());
    }

    private static synchronized TestOpenIdProvider provider() {
        if (provider == null) {
            provider = TestOpenIdProvider.start();
        }
        return provider;
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @BeforeEach
    void registerBenchdeck() {
        assertThat(secret()).as("the build sets " + SECRET_ENV).isNotBlank();
        provider().registerClient(CLIENT_ID, secret(), "http://127.0.0.1:" + port + "/login/oauth2/code/oidc");
    }

    @Test
    void theSignInPageOffersTheProvider() {
        JsonNode oidc = get("/api/v1/auth/state").json().get("oidc");
        assertThat(oidc.get("enabled").asBoolean()).isTrue();
        assertThat(oidc.get("name").asText()).isEqualTo("Test SSO");
    }

    @Test
    void signInCreatesTheUserWithTheMappedRoleAndTheNextSignInMapsItAgain(CapturedOutput output) throws Exception {
        provider().setGroups("alice", List.of("staff", "bench-editors"));
        OidcBrowser first = new OidcBrowser();
        assertThat(first.signIn("alice", false)).isEqualTo("/");
        JsonNode user = first.state().get("user");
        assertThat(user.get("username").asText()).isEqualTo("alice");
        assertThat(user.get("role").asText()).isEqualTo("editor");
        long id = user.get("id").asLong();
        assertThat(jdbc.sql("select user_id from user_identities where issuer = :i and subject = 'alice'")
                .param("i", provider().issuer()).query(Long.class).single()).isEqualTo(id);

        // the same kind of session as a password sign-in: CSRF-protected writes, sign-out ends it
        assertThat(first.post("/api/v1/auth/sign-out", false).statusCode()).isEqualTo(403);
        assertThat(first.post("/api/v1/auth/sign-out", true).statusCode()).isEqualTo(204);
        assertThat(first.state().get("signed_in").asBoolean()).isFalse();

        provider().setGroups("alice", List.of("bench-admins", "bench-viewers"));
        OidcBrowser second = new OidcBrowser();
        assertThat(second.signIn("alice", false)).isEqualTo("/");
        assertThat(second.state().get("user").get("id").asLong()).isEqualTo(id);
        assertThat(second.state().get("user").get("role").asText()).isEqualTo("admin");
        assertThat(second.get("/api/v1/users").statusCode()).isEqualTo(200);

        JsonNode signIns = get("/api/v1/audit?actor=alice&action=sign_in").json().get("items");
        assertThat(signIns).hasSize(2).allSatisfy(entry -> assertThat(Json.read(entry.get("detail").asText()).get("method").asText()).isEqualTo("oidc"));
        assertThat(output.getAll()).contains("/login/oauth2/code/oidc").doesNotContain(secret());
    }

    @Test
    void noClaimValueThatMapsGivesTheDefaultRoleAndALocalNameIsNeverTakenOver(CapturedOutput output) throws Exception {
        TestUser local = newUser("dave", Role.ADMIN);
        jdbc.sql("update users set username = 'dave' where id = :id").param("id", local.id()).update();
        provider().setGroups("dave", List.of("somewhere-else"));
        OidcBrowser browser = new OidcBrowser();
        assertThat(browser.signIn("dave", false)).isEqualTo("/");
        JsonNode user = browser.state().get("user");
        assertThat(user.get("role").asText()).isEqualTo("viewer");
        assertThat(user.get("id").asLong()).isNotEqualTo(local.id());
        assertThat(user.get("username").asText()).startsWith("dave-").hasSize("dave-".length() + 7);
        assertThat(userService.get(local.id()).role()).isEqualTo(Role.ADMIN);
        assertThat(output.getAll()).doesNotContain(secret());
    }

    @Test
    void aDisabledUserIsRefused(CapturedOutput output) throws Exception {
        provider().setGroups("carol", List.of("bench-editors"));
        OidcBrowser browser = new OidcBrowser();
        assertThat(browser.signIn("carol", false)).isEqualTo("/");
        long id = browser.state().get("user").get("id").asLong();
        Response disabled = send(HttpRequest.newBuilder(uri("/api/v1/users/" + id)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\": false}")));
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(browser.state().get("signed_in").asBoolean()).isFalse();

        OidcBrowser again = new OidcBrowser();
        assertThat(again.signIn("carol", false)).isEqualTo("/sign-in?oidc_error=refused");
        assertThat(again.state().get("signed_in").asBoolean()).isFalse();
        assertThat(get("/api/v1/audit?actor=carol&action=sign_in_failed").json().get("items").get(0).get("detail").asText())
                .contains("\"reason\":\"disabled\"");
        assertThat(output.getAll()).doesNotContain(secret());
    }

    @Test
    void aWrongStateIsRefused(CapturedOutput output) throws Exception {
        provider().setGroups("bob", List.of("bench-admins"));
        OidcBrowser browser = new OidcBrowser();
        assertThat(browser.signIn("bob", true)).isEqualTo("/sign-in?oidc_error=failed");
        assertThat(browser.state().get("signed_in").asBoolean()).isFalse();
        assertThat(userService.list()).noneMatch(u -> u.username().startsWith("bob"));
        assertThat(output.getAll()).doesNotContain(secret());
    }

    @Test
    void passwordSignInStillWorks() {
        TestUser user = newUser("local", Role.VIEWER);
        Browser browser = new Browser(port);
        assertThat(browser.signIn(user.username(), user.password()).status()).isEqualTo(200);
    }

    private static String secret() {
        return System.getenv(SECRET_ENV);
    }

    /** One browser: Benchdeck's and the provider's cookies in one jar, no redirect followed automatically. */
    private final class OidcBrowser {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();

        /** Runs the flow from the dashboard's link to Benchdeck's last redirect, whose path (and query) it returns. */
        String signIn(String username, boolean tamperWithState) throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(OidcLogin.START_PATH)).GET());
            assertThat(response.statusCode()).isEqualTo(302);
            String authorize = location(response);
            assertThat(authorize).startsWith(provider().issuer() + "/oauth2/authorize?")
                    .contains("code_challenge=", "code_challenge_method=S256", "state=", "nonce=");
            URI next = URI.create(authorize);
            for (int hop = 0; hop < 10; hop++) {
                if (next.getPath().equals("/login/oauth2/code/oidc")) {
                    if (tamperWithState) {
                        next = URI.create(next.toString().replaceFirst("state=[^&]+", "state=forged" + hop));
                    }
                    HttpResponse<String> back = send(HttpRequest.newBuilder(next).GET());
                    assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
                    String origin = "http://127.0.0.1:" + port;
                    assertThat(location(back)).as("back to the dashboard").startsWith(origin + "/");
                    return location(back).substring(origin.length());
                }
                response = send(HttpRequest.newBuilder(next).GET());
                if (response.statusCode() == 200 && next.getPath().equals("/login")) {
                    response = postLoginForm(next, response.body(), username);
                }
                assertThat(response.statusCode()).as(next + ": " + response.body()).isEqualTo(302);
                next = next.resolve(location(response));
            }
            throw new AssertionError("no way back to Benchdeck after 10 redirects");
        }

        private HttpResponse<String> postLoginForm(URI page, String html, String username) throws Exception {
            Matcher csrf = CSRF_FIELD.matcher(html);
            assertThat(csrf.find()).as(html).isTrue();
            String form = "username=" + enc(username) + "&password=" + enc(TestOpenIdProvider.password(username)) + "&_csrf=" + enc(csrf.group(1));
            return send(HttpRequest.newBuilder(page).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        JsonNode state() throws Exception {
            return Json.read(get("/api/v1/auth/state").body());
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<String> post(String path, boolean withCsrfHeader) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
            if (withCsrfHeader) {
                request.header("X-XSRF-TOKEN", cookies.getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue());
            }
            return send(request);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: " + response.body()));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
