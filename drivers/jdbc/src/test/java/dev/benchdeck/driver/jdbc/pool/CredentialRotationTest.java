package dev.benchdeck.driver.jdbc.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchdeck.driver.jdbc.TestDatabase;
import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.config.LakebaseSettings;
import dev.benchdeck.driver.jdbc.config.PoolSettings;
import dev.benchdeck.driver.jdbc.credentials.CredentialProvider;
import dev.benchdeck.driver.jdbc.credentials.CredentialProviders;
import dev.benchdeck.driver.jdbc.credentials.FakeWorkspace;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The pool keeps working while its credentials rotate: a fake Lakebase workspace issues a new
 * password for a test role at every request (setting it with ALTER ROLE, so older passwords stop
 * working, stricter than Lakebase where old tokens stay valid until expiry), each living 3 s.
 * Several threads query through the pool for two rotations and more.
 */
class CredentialRotationTest {

    private static final String ROLE = "rotating_bench_user";
    private static final Duration TOKEN_LIFE = Duration.ofSeconds(3);
    private static final Duration RUN = Duration.ofSeconds(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A password the fake issued and when the database started accepting it (database clock). */
    private record Issued(String password, Instant activeFrom) {
    }

    private final List<Issued> issued = new CopyOnWriteArrayList<>();

    private FakeWorkspace.Answer issue(FakeWorkspace.Received request) {
        if (!request.path().equals("/api/2.0/database/credentials")) {
            return new FakeWorkspace.Answer(404, "{\"error_code\":\"NOT_FOUND\",\"message\":\"no such API\"}");
        }
        String password = randomPassword();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("alter role " + ROLE + " password '" + password + "'"); // hex only: safe to quote
            try (ResultSet rs = s.executeQuery("select clock_timestamp()")) {
                rs.next();
                issued.add(new Issued(password, rs.getTimestamp(1).toInstant()));
            }
        } catch (SQLException e) {
            return new FakeWorkspace.Answer(500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"" + e.getSQLState() + "\"}");
        }
        return FakeWorkspace.token(request, password, Instant.now().plus(TOKEN_LIFE));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void queriesKeepRunningAcrossTwoRotationsAndNewConnectionsUseTheNewPasswords() throws Exception {
        TestDatabase.execute("drop role if exists " + ROLE, "create role " + ROLE + " login password '" + randomPassword() + "'");
        JdbcTarget superuser = TestDatabase.target();
        try (FakeWorkspace workspace = new FakeWorkspace(this::issue)) {
            JdbcTarget target = new JdbcTarget(superuser.host(), superuser.port(), superuser.database(), ROLE, "disable",
                    null, null, new LakebaseSettings(workspace.url(), "bench-instance", null, null, "dapi-dummy", null, null),
                    new PoolSettings(4, 0, PoolSettings.DEFAULT_MAX_LIFETIME, Duration.ofSeconds(5)),
                    superuser.connectTimeout());
            Map<Integer, Instant> backendsSeen = new ConcurrentHashMap<>();
            List<String> failures = new CopyOnWriteArrayList<>();
            AtomicLong queries = new AtomicLong();

            try (CredentialProvider credentials = CredentialProviders.forTarget(target);
                 JdbcPool pool = JdbcPool.open(target, credentials, 4);
                 var users = Executors.newVirtualThreadPerTaskExecutor()) {
                Instant end = Instant.now().plus(RUN);
                for (int user = 0; user < 6; user++) {
                    users.submit(() -> queryUntil(end, pool, backendsSeen, failures, queries));
                }
                users.shutdown();
                assertThat(users.awaitTermination(RUN.plusSeconds(5).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(pool.warnings()).anySatisfy(w -> assertThat(w).contains("credentials live only"));
            }

            assertThat(failures).isEmpty();
            assertThat(queries.get()).isGreaterThan(100);
            assertThat(issued).hasSizeGreaterThanOrEqualTo(3); // the first password and two rotations
            // the SDK first probes /.well-known/databricks-config and the OIDC metadata (both unauthenticated)
            assertThat(workspace.received()).filteredOn(r -> r.method().equals("POST")).hasSize(issued.size()).allSatisfy(r -> {
                assertThat(r.authorization()).isEqualTo("Bearer dapi-dummy");
                assertThat(r.body()).contains("\"instance_names\":[\"bench-instance\"]");
            });
            for (Issued rotation : issued.subList(1, 3)) {
                // a backend that started after a rotation cannot have logged in with an earlier password
                assertThat(backendsSeen.values()).as("connections opened after the rotation at %s", rotation.activeFrom())
                        .anySatisfy(started -> assertThat(started).isAfter(rotation.activeFrom()));
            }
            assertThatThrownBy(() -> login(superuser, issued.getFirst().password()))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");
            assertThatThrownBy(() -> login(superuser, "not-" + issued.getLast().password()))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");
        }
    }

    private static void queryUntil(Instant end, JdbcPool pool, Map<Integer, Instant> backendsSeen, List<String> failures,
                                   AtomicLong queries) {
        while (Instant.now().isBefore(end)) {
            try (Connection c = pool.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select pid, backend_start from pg_stat_activity where pid = pg_backend_pid()")) {
                rs.next();
                backendsSeen.putIfAbsent(rs.getInt(1), rs.getTimestamp(2).toInstant());
                queries.incrementAndGet();
                Thread.sleep(5);
            } catch (SQLException e) {
                failures.add(e.getSQLState() + " " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void login(JdbcTarget superuser, String password) throws SQLException {
        DriverManager.getConnection(superuser.jdbcUrl(), ROLE, password).close();
    }
}
