package dev.benchdeck.driver.ingest.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.benchdeck.driver.ingest.IngestDriverFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ingestor target's check: the ingestor's /health beside the /messages entry its settings name. */
class IngestorCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SINK_PASSWORD = "sink-s3cret-0031";

    private HttpServer ingestor;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String health = "{\"status\": \"ok\", \"queue\": {\"kind\": \"postgres\", \"status\": \"ok\"}}";

    @BeforeEach
    void start() throws IOException {
        ingestor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ingestor.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            byte[] body = health.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ingestor.start();
    }

    @AfterEach
    void stop() {
        ingestor.stop(0);
    }

    /** An ingestor target's settings as the server builds them: the entry, the sink with its password. */
    private static ObjectNode settings(String base) {
        ObjectNode target = JSON.createObjectNode();
        target.putObject("http").put("url", base + "/messages").put("format", "json");
        target.putObject("sink").put("url", "jdbc:postgresql://127.0.0.1:1/x").put("table", "messages").put("password", SINK_PASSWORD);
        return target;
    }

    private String base() {
        return "http://127.0.0.1:" + ingestor.getAddress().getPort();
    }

    private static IngestorCheckReport check(JsonNode settings) {
        return (IngestorCheckReport) new IngestDriverFactory().check("ingestor", settings).orElseThrow().run();
    }

    @Test
    void aHealthyIngestorIsOkWithItsStatusAndQueueKind() {
        IngestorCheckReport report = check(settings(base()));
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.health()).isEqualTo("ok");
        assertThat(report.queue()).isEqualTo("postgres");
        assertThat(report.millis()).isPositive();
        assertThat(report.message()).isEqualTo("health ok, postgres queue");
        assertThat(paths).containsExactly("/health");
    }

    @Test
    void anIngestorWhosePartsAreDownSaysWhichAndWhy() {
        status = 503;
        health = "{\"status\": \"down\", \"queue\": {\"kind\": \"redis\", \"reason\": \"connection refused\"},"
                + " \"database\": {\"reason\": \"too many clients\"}}";
        IngestorCheckReport report = check(settings(base()));
        assertThat(report.ok()).isFalse();
        assertThat(report.errorClass()).isEqualTo("http");
        assertThat(report.health()).isEqualTo("down");
        assertThat(report.message()).isEqualTo("GET /health answered 503: queue: connection refused; database: too many clients");

        health = "not json";
        assertThat(check(settings(base())).message()).isEqualTo("GET /health answered 503");
    }

    @Test
    void nothingListeningIsAConnectErrorAndTheSinkPasswordNeverShows() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        IngestorCheckReport report = check(settings("http://127.0.0.1:" + closed));
        assertThat(report.ok()).isFalse();
        assertThat(report.errorClass()).isEqualTo("connect");
        assertThat(report.message()).startsWith("cannot reach the ingestor at http://127.0.0.1:" + closed + ":");
        assertThat(report.toString()).doesNotContain(SINK_PASSWORD);
    }

    @Test
    void theBaseIsTheEntryWithoutMessagesAndSettingsWithoutAnEntryAreInvalid() {
        assertThat(IngestorCheck.base("http://h:1/messages")).isEqualTo("http://h:1");
        assertThat(IngestorCheck.base("http://h:1/ingest//messages")).isEqualTo("http://h:1/ingest");
        assertThat(IngestorCheck.base("http://h:1/")).isEqualTo("http://h:1");
        assertThat(check(JSON.createObjectNode()).errorClass()).isEqualTo("invalid");
        assertThat(check(settings("http://bad host")).errorClass()).isEqualTo("invalid");
    }

    @Test
    void theIngestDriverChecksIngestorTargetsOnly() {
        IngestDriverFactory factory = new IngestDriverFactory();
        assertThat(factory.check("ingestor", settings(base()))).isPresent();
        assertThat(factory.check("http", settings(base()))).isEmpty();
    }
}
