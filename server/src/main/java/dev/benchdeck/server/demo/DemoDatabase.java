package dev.benchdeck.server.demo;

import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import dev.benchdeck.server.scenario.ScenarioService;
import dev.benchdeck.server.target.Target;
import dev.benchdeck.server.target.TargetKinds;
import dev.benchdeck.server.target.TargetService;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The database demo inside the embedded PostgreSQL: a database and a role of its own
 * ({@value #DATABASE}, an ordinary login role with a random password, kept encrypted as the target's
 * credential), so that benchmarks never touch Benchdeck's own tables: the role owns only its database,
 * and connecting to Benchdeck's database ({@code postgres}) is revoked from every role but the superuser.
 */
@Component
class DemoDatabase {

    static final String TARGET_NAME = "Demo PostgreSQL";
    static final String SCENARIO_NAME = "Database sweep 2/4/8 threads";
    static final String DATABASE = "benchdeck_demo";
    static final String ROLE = "benchdeck_demo";
    static final String HOST = "127.0.0.1";
    static final String PLAN = """
            workload:
              driver: jdbc
              table: benchdeck_demo_accounts
              rows: 100000
              batch_size: 10000
              setup: reuse
              mix: {point_select: 90, range_scan: 10}
            load:
              model: closed
              warmup: 1s
              duration: 10s
              steps:
                - users: 2
                - users: 4
                - users: 8
            """;

    private final ObjectProvider<EmbeddedPostgres> embedded;
    private final JdbcClient jdbc;
    private final TargetService targets;
    private final ScenarioService scenarios;
    private final SecureRandom random = new SecureRandom();

    DemoDatabase(ObjectProvider<EmbeddedPostgres> embedded, JdbcClient jdbc, TargetService targets, ScenarioService scenarios) {
        this.embedded = embedded;
        this.jdbc = jdbc;
        this.targets = targets;
        this.scenarios = scenarios;
    }

    /** Whether Benchdeck runs on its embedded PostgreSQL (with an external database there is no demo database). */
    boolean available() {
        return embedded.getIfAvailable() != null;
    }

    /** Creates (or resets) the role with a new password and creates its database; the password. */
    String prepare() {
        String password = HexFormat.of().formatHex(randomBytes());
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
        jdbc.sql("revoke connect on database \"" + currentDatabase().replace("\"", "\"\"") + "\" from public").update();
        return password;
    }

    /** The target on the demo database (with the role's password) and its scenario; the target's id. */
    long createTarget(String password) {
        EmbeddedPostgres pg = embedded.getObject();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("host", HOST);
        options.put("port", pg.port());
        options.put("database", DATABASE);
        options.put("user", ROLE);
        options.put("sslmode", "disable");
        Target target = targets.createPostgres(TARGET_NAME, options, password);
        scenarios.create(SCENARIO_NAME, "2, 4 and 8 threads of point selects (and a few range scans) on a 100,000-row table "
                + "in the embedded PostgreSQL's demo database, 10 s per step: throughput and latency per thread count.",
                target.id(), PLAN);
        return target.id();
    }

    /** A demo target still on the embedded PostgreSQL moves with it when its port changed. */
    void follow(long targetId) {
        EmbeddedPostgres pg = embedded.getIfAvailable();
        if (pg == null) {
            return;
        }
        Optional<Target> target = targets.find(targetId);
        target.filter(t -> TargetKinds.POSTGRES.equals(t.kind()) && HOST.equals(t.options().get("host"))
                        && DATABASE.equals(t.options().get("database"))
                        && !String.valueOf(pg.port()).equals(String.valueOf(t.options().get("port"))))
                .ifPresent(t -> targets.movePostgresPort(t.id(), pg.port()));
    }

    private String currentDatabase() {
        return jdbc.sql("select current_database()").query(String.class).single();
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return bytes;
    }
}
