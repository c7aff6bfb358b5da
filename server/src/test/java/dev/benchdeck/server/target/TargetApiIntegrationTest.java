package dev.benchdeck.server.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class TargetApiIntegrationTest extends IntegrationTestSupport {

    private static final String SECRET = "Bearer s3cr3t-token-never-shown";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TargetService targets;

    @Test
    void credentialsAreStoredEncryptedAndNeverReturned() {
        Response created = post("/api/v1/targets", """
                {"name": "secured", "url": "http://127.0.0.1:9/api", "options": {"http_version": "1.1", "insecure": false},
                 "credentials": {"headers": {"Authorization": "%s"}}}""".formatted(SECRET));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode target = created.json();
        long id = target.get("id").asLong();
        assertThat(target.get("has_credentials").asBoolean()).isTrue();
        assertThat(target.has("credentials")).isFalse();
        assertThat(created.body()).doesNotContain("s3cr3t");
        assertThat(get("/api/v1/targets").body()).doesNotContain("s3cr3t");
        assertThat(get("/api/v1/targets/" + id).body()).doesNotContain("s3cr3t");

        byte[] stored = jdbc.sql("select credentials from targets where id = :id").param("id", id).query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
        assertThat(targets.secrets(id).headers()).containsEntry("Authorization", SECRET);

        Response updated = put("/api/v1/targets/" + id, """
                {"name": "secured, renamed", "url": "http://127.0.0.1:9/api"}""");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("has_credentials").asBoolean()).as("credentials kept when not given").isTrue();

        Response cleared = put("/api/v1/targets/" + id, """
                {"name": "secured", "url": "http://127.0.0.1:9/api", "credentials": {"headers": {}}}""");
        assertThat(cleared.json().get("has_credentials").asBoolean()).isFalse();

        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/targets/" + id)).DELETE()).status()).isEqualTo(204);
        assertThat(get("/api/v1/targets/" + id).status()).isEqualTo(404);
    }

    @Test
    void invalidFieldsAreProblemDetailsWithPaths() {
        Response response = post("/api/v1/targets", """
                {"name": " ", "url": "ftp://example.com"}""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsText("path")).containsExactly("name", "url");
    }

    @Test
    void invalidOptionsAreCheckedByTheDriver() {
        Response response = post("/api/v1/targets", """
                {"name": "bad options", "url": "http://127.0.0.1:9", "options": {"http_version": "3", "connect_timeout": "soon"}}""");
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsText("path"))
                .contains("options.http_version", "options.connect_timeout");
    }

    @Test
    void badInputNeverGivesA500() {
        assertThat(get("/api/v1/targets/424242").status()).isEqualTo(404);
        assertThat(get("/api/v1/targets/abc").status()).isEqualTo(400);
        Response malformed = post("/api/v1/targets", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        Response wrongType = send(HttpRequest.newBuilder(uri("/api/v1/targets")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")));
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");
        String huge = "{\"name\": \"" + "x".repeat(1536 * 1024) + "\", \"url\": \"http://x\"}";
        Response tooLarge = post("/api/v1/targets", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("status").asInt()).isEqualTo(413);
        assertThat(get("/api/v1/nothing-here").status()).isEqualTo(404);
    }
}
