package dev.benchdeck.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.server.IntegrationTestSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/** A server of its own, started with no users: it logs the one-time setup link, which creates the first admin once. */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "benchdeck.test.instance=setup")
class SetupLinkIntegrationTest extends IntegrationTestSupport {

    private static final Pattern LINE = Pattern.compile(
            "Benchdeck has no users yet\\. Create the first admin within 1 hour: http://127\\.0\\.0\\.1:(\\d+)/setup#token=(bds_[A-Za-z0-9_-]{43})");

    @Test
    void theSetupLinkCreatesTheFirstAdminOnceAndSignsThemIn(CapturedOutput output) {
        Matcher line = LINE.matcher(output.getOut());
        assertThat(line.find()).as("the setup line in the log").isTrue();
        assertThat(Integer.parseInt(line.group(1))).isEqualTo(port);
        assertThat(output.getOut().lines().filter(l -> l.contains("has no users yet")).count()).isOne();
        assertThat(output.getOut().lines().filter(l -> l.contains("has no users yet")).findFirst().orElseThrow()).contains("WARN");
        String token = line.group(2);

        Browser browser = new Browser(port);
        assertThat(browser.get("/api/v1/auth/state").json().get("setup_required").asBoolean()).isTrue();
        String body = "{\"token\": \"%s\", \"username\": \"root-admin\", \"password\": \"%s\"}";
        Response wrongToken = browser.post("/api/v1/auth/setup", body.formatted("bds_" + "A".repeat(43), "the first admin's passphrase"));
        assertThat(wrongToken.status()).isEqualTo(400);
        assertThat(wrongToken.json().at("/errors/0/path").asText()).isEqualTo("token");
        Response weak = browser.post("/api/v1/auth/setup", body.formatted(token, "qwertyuiop12"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().at("/errors/0/path").asText()).isEqualTo("password");

        Response created = browser.post("/api/v1/auth/setup", body.formatted(token, "the first admin's passphrase"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("role").asText()).isEqualTo("admin");
        assertThat(created.json().get("must_change_password").asBoolean()).isFalse();
        assertThat(browser.get("/api/v1/users").status()).as("signed in as the admin").isEqualTo(200);
        assertThat(browser.get("/api/v1/auth/state").json().get("setup_required").asBoolean()).isFalse();

        Response again = new Browser(port).post("/api/v1/auth/setup", body.formatted(token, "another admin's passphrase"));
        assertThat(again.status()).as("single use").isEqualTo(400);
        assertThat(again.json().at("/errors/0/path").asText()).isEqualTo("token");
        assertThat(output.getOut()).doesNotContain("the first admin's passphrase");
    }
}
