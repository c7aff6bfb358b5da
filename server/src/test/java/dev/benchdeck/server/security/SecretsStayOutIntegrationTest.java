package dev.benchdeck.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.server.IntegrationTestSupport;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Passwords and tokens used with the API appear in no answer, no log line and not in clear in the database. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutIntegrationTest extends IntegrationTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void noPasswordOrTokenIsAnsweredLoggedOrStoredInClear(CapturedOutput output) {
        TestUser user = newUser("secrets", Role.EDITOR);
        String newPassword = "the changed passphrase 9c1e";
        String wrongPassword = "a wrong passphrase 1d2e3f";
        String unknownToken = "bd_" + "Q".repeat(43);
        List<String> answers = new ArrayList<>();
        Browser browser = new Browser(port);
        answers.add(browser.signIn(user.username(), wrongPassword).body());
        answers.add(browser.signIn(user.username(), user.password()).body());
        answers.add(browser.post("/api/v1/account/password",
                "{\"current_password\": \"" + wrongPassword + "\", \"new_password\": \"" + newPassword + "\"}").body());
        answers.add(browser.post("/api/v1/account/password",
                "{\"current_password\": \"" + user.password() + "\", \"new_password\": \"" + newPassword + "\"}").body());
        String created = browser.post("/api/v1/account/tokens", "{\"name\": \"t\", \"scopes\": [\"read\"]}").body();
        String token = dev.benchdeck.server.system.Json.read(created).get("token").asText();
        answers.add(browser.get("/api/v1/account/tokens").body());
        answers.add(browser.get("/api/v1/account").body());
        answers.add(sendAsIs(HttpRequest.newBuilder(uri("/api/v1/targets")).header("Authorization", "Bearer " + unknownToken).build()).body());
        answers.add(sendAsIs(HttpRequest.newBuilder(uri("/api/v1/account")).header("Authorization", "Bearer " + token).build()).body());
        answers.add(sendAsIs(HttpRequest.newBuilder(uri("/api/v1/account")).header("Authorization", "Bearer " + user.token()).build()).body());
        answers.add(post("/api/v1/users/" + user.id() + "/reset-password", "{\"password\": \"password1234\"}").body());

        List<String> secrets = List.of(user.password(), newPassword, wrongPassword, token, user.token(), unknownToken, ADMIN_PASSWORD, adminToken());
        for (String secret : secrets) {
            assertThat(answers).noneMatch(answer -> answer.contains(secret));
            assertThat(output.getAll()).doesNotContain(secret);
        }
        List<String> hashes = jdbc.sql("select password_hash from users").query(String.class).list();
        assertThat(hashes).allMatch(hash -> hash.startsWith("{argon2@SpringSecurity_v5_8}$argon2id$"));
        assertThat(hashes).noneMatch(hash -> secrets.stream().anyMatch(hash::contains));
        assertThat(jdbc.sql("select count(*) from api_tokens where prefix = :p").param("p", token.substring(3, 11)).query(Long.class).single())
                .isOne();
    }
}
