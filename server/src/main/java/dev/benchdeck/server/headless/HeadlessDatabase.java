package dev.benchdeck.server.headless;

import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The server's database for a command: a running server's embedded PostgreSQL (found by its
 * {@code postmaster.pid}, which holds its port; the password is in {@code pgdata.password}), else the
 * embedded PostgreSQL started for the command and stopped after it, or the external one of
 * {@code BENCHDECK_DATABASE_URL}. Migrated like the server does, so it works before the first {@code serve}.
 */
final class HeadlessDatabase implements AutoCloseable {

    private final SingleConnectionDataSource dataSource;
    private final @Nullable EmbeddedPostgres startedHere;

    private HeadlessDatabase(String url, @Nullable String user, @Nullable String password, @Nullable EmbeddedPostgres startedHere) {
        this.dataSource = new SingleConnectionDataSource(url, user, password, true);
        this.startedHere = startedHere;
    }

    static HeadlessDatabase open(Path dataDir, int embeddedPort, @Nullable String externalUrl, @Nullable String externalUser,
                                 @Nullable String externalPassword) throws IOException {
        HeadlessDatabase db;
        if (externalUrl != null && !externalUrl.isBlank()) {
            db = new HeadlessDatabase(externalUrl.startsWith("jdbc:") ? externalUrl : "jdbc:" + externalUrl, externalUser, externalPassword, null);
        } else {
            Integer running = runningPort(dataDir.resolve("pgdata"));
            if (running != null) {
                String password = Files.readString(dataDir.resolve("pgdata.password"), StandardCharsets.UTF_8).strip();
                db = new HeadlessDatabase("jdbc:postgresql://127.0.0.1:" + running + "/postgres", "postgres", password, null);
            } else {
                EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir, embeddedPort, false);
                db = new HeadlessDatabase(pg.jdbcUrl(), pg.user(), pg.password(), pg);
            }
        }
        Flyway.configure().dataSource(db.dataSource).locations("classpath:db/migration").load().migrate();
        return db;
    }

    /** The port of the postmaster that holds the data directory, when its process is alive (postmaster.pid: pid, dir, start, port). */
    private static @Nullable Integer runningPort(Path pgdata) throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return null;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 4) {
            return null;
        }
        try {
            long pid = Long.parseLong(lines.get(0).strip());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? Integer.valueOf(lines.get(3).strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    @Override
    public void close() {
        dataSource.destroy();
        if (startedHere != null) {
            startedHere.close();
        }
    }
}
