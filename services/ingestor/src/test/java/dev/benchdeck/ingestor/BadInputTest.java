package dev.benchdeck.ingestor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.ingestor.store.DatabaseSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx problem detail with the index and field of each problem, and nothing is queued or stored. */
class BadInputTest {

    static DatabaseSettings db;
    static IngestorServer ingestor;
    static URI base;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.freshDatabase();
        ingestor = IngestorServer.start(IngestorConfig.builder(db).port(0).maxBodyBytes(64 * 1024).maxMessagesPerRequest(100).build());
        base = ingestor.baseUri();
    }

    @AfterAll
    static void stop() {
        ingestor.close();
    }

    private static void nothingQueuedOrStored() throws Exception {
        Thread.sleep(100);
        assertThat(TestDatabase.queryLong(db, "SELECT count(*) FROM ingest_queue")).isZero();
        assertThat(TestDatabase.queryLong(db, "SELECT count(*) FROM messages")).isZero();
    }

    private static List<String> paths(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.path("errors").forEach(e -> out.add(e.path("path").asText()));
        return out;
    }

    @Test
    void malformedJsonIs400() throws Exception {
        Http.Answer a = Http.post(base, "/messages", "application/json", "{\"user_id\": 1, ");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        assertThat(a.body().path("title").asText()).isEqualTo("Malformed JSON");
        assertThat(Http.post(base, "/messages", "application/x-ndjson", Http.message(null, 1, "a") + "\n{oops\n").status()).isEqualTo(400);
        nothingQueuedOrStored();
    }

    @Test
    void missingFieldsAndWrongTypesAreListedWithIndexAndField() throws Exception {
        String batch = "[" + Http.message(null, 1, "fine") + ",{\"channel_id\":\"x\",\"content\":5},"
                + "{\"user_id\":1.5,\"channel_id\":1,\"content\":\"c\",\"created_at\":\"yesterday\",\"extra\":1}]";
        Http.Answer a = Http.post(base, "/messages", "application/json", batch);
        assertThat(a.status()).isEqualTo(400);
        assertThat(paths(a.body())).containsExactlyInAnyOrder("[1].user_id", "[1].channel_id", "[1].content",
                "[2].user_id", "[2].created_at", "[2].extra");
        nothingQueuedOrStored();
    }

    @Test
    void oneMessageProblemsHaveBareFieldPaths() throws Exception {
        Http.Answer a = Http.post(base, "/messages", "application/json", "{\"user_id\":-1,\"channel_id\":2}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(paths(a.body())).containsExactlyInAnyOrder("user_id", "content");
        assertThat(Http.post(base, "/messages", "application/json", "42").status()).isEqualTo(400);
        assertThat(Http.post(base, "/messages", "application/json", "[]").status()).isEqualTo(400);
        assertThat(Http.post(base, "/messages", "application/json", "[" + Http.message("same", 1, "a") + "," + Http.message("same", 1, "b") + "]")
                .status()).isEqualTo(400);
        nothingQueuedOrStored();
    }

    @Test
    void unknownContentTypeIs415() throws Exception {
        assertThat(Http.post(base, "/messages", "text/plain", Http.message(null, 1, "a")).status()).isEqualTo(415);
        assertThat(Http.post(base, "/messages", null, Http.message(null, 1, "a")).status()).isEqualTo(415);
        nothingQueuedOrStored();
    }

    @Test
    void oversizeBodiesAndBatchesAre413() throws Exception {
        String big = "[" + Http.message(null, 1, "x".repeat(70_000)) + "]";
        assertThat(Http.post(base, "/messages", "application/json", big).status()).isEqualTo(413);
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append(Http.message(null, i, "m"));
        }
        Http.Answer a = Http.post(base, "/messages", "application/json", many.append("]").toString());
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        nothingQueuedOrStored();
    }

    @Test
    void badQueriesAndSimulationsAre400AndUnknownIs404() throws Exception {
        for (String limit : List.of("0", "1001", "x", "-5")) {
            Http.Answer a = Http.get(base, "/messages?limit=" + limit);
            assertThat(a.status()).as(limit).isEqualTo(400);
            assertThat(paths(a.body())).containsExactly("limit");
        }
        Http.Answer s = Http.post(base, "/simulate", "application/json", "{\"count\":0,\"rate\":-1,\"content\":7,\"x\":1}");
        assertThat(s.status()).isEqualTo(400);
        assertThat(paths(s.body())).containsExactlyInAnyOrder("count", "rate", "content", "x");
        assertThat(Http.get(base, "/messages/nope").status()).isEqualTo(404);
        assertThat(Http.get(base, "/nowhere").status()).isEqualTo(404);
        assertThat(Http.get(base, "/stats").status()).isEqualTo(200);
        nothingQueuedOrStored();
    }
}
