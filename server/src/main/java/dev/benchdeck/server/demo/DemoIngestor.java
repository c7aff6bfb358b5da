package dev.benchdeck.server.demo;

import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import dev.benchdeck.ingestor.IngestorConfig;
import dev.benchdeck.ingestor.IngestorServer;
import dev.benchdeck.ingestor.store.DatabaseSettings;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Benchdeck's ingestor (the same server as {@code benchdeck ingestor}) on 127.0.0.1 at
 * {@code benchdeck.demo-ingestor.port} (0, the default: a free port; -1: not started), with the PostgreSQL queue,
 * writing into a database of its own in the embedded PostgreSQL ({@value #DATABASE}, owned by an ordinary login role
 * of that name whose password is new on each start and known only to the server). Not started on an external
 * database: Benchdeck makes databases only inside its own embedded one.
 */
@Component
public class DemoIngestor implements DisposableBean {

    static final String DATABASE = "benchdeck_ingest";
    static final String ROLE = "benchdeck_ingest";
    private static final Logger log = LoggerFactory.getLogger(DemoIngestor.class);

    private final String password = HexFormat.of().formatHex(randomBytes());
    private final IngestorServer server;
    private final String sinkUrl;

    DemoIngestor(@Value("${benchdeck.demo-ingestor.port:0}") int port, ObjectProvider<EmbeddedPostgres> embedded, JdbcClient jdbc) {
        EmbeddedPostgres pg = port < 0 ? null : embedded.getIfAvailable();
        this.sinkUrl = pg == null ? null : "jdbc:postgresql://" + DemoDatabase.HOST + ":" + pg.port() + "/" + DATABASE;
        this.server = pg == null ? null : start(port, jdbc);
    }

    private IngestorServer start(int port, JdbcClient jdbc) {
        try {
            prepare(jdbc);
            IngestorServer started = IngestorServer.start(IngestorConfig.builder(new DatabaseSettings(sinkUrl, ROLE, password))
                    .host(DemoMockLlm.HOST).port(port).instanceId("demo").build());
            log.info("Demo ingestor at {} (PostgreSQL queue, database {})", started.baseUri(), DATABASE);
            return started;
        } catch (IngestorServer.StartFailure | RuntimeException e) {
            log.warn("Demo ingestor not started: {} (set benchdeck.demo-ingestor.port, 0 for a free port, -1 for none)", e.getMessage());
            return null;
        }
    }

    /** The role (with this start's password) and its database; nobody else may connect to it. */
    private void prepare(JdbcClient jdbc) {
        boolean roleExists = jdbc.sql("select exists (select 1 from pg_roles where rolname = :role)").param("role", ROLE)
                .query(Boolean.class).single();
        // DDL takes no parameters; the password is hex digits only
        jdbc.sql((roleExists ? "alter role " : "create role ") + ROLE
                + " with login nosuperuser nocreatedb nocreaterole noreplication password '" + password + "'").update();
        boolean databaseExists = jdbc.sql("select exists (select 1 from pg_database where datname = :name)").param("name", DATABASE)
                .query(Boolean.class).single();
        if (!databaseExists) {
            jdbc.sql("create database " + DATABASE + " owner " + ROLE).update();
        }
        jdbc.sql("revoke all on database " + DATABASE + " from public").update();
    }

    /** {@code http://127.0.0.1:<port>} while the ingestor runs. */
    public Optional<String> baseUrl() {
        return server == null ? Optional.empty() : Optional.of(server.baseUri().toString());
    }

    /** The demo target's options: the sink the ingest driver watches (the ingestor's messages table). */
    Map<String, Object> targetOptions() {
        Map<String, Object> sink = new LinkedHashMap<>();
        sink.put("url", sinkUrl);
        sink.put("user", ROLE);
        sink.put("table", "messages");
        sink.put("id_column", "id");
        sink.put("timestamp_column", "inserted_at");
        return Map.of("sink", sink);
    }

    /** The sink role's password of this start, for the demo target's stored secret only. */
    String sinkPassword() {
        return password;
    }

    @Override
    public void destroy() {
        if (server != null) {
            server.close();
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
