package dev.benchdeck.driver.jdbc.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchdeck.driver.jdbc.TestDatabase;
import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.config.PoolSettings;
import dev.benchdeck.driver.jdbc.credentials.Credential;
import dev.benchdeck.driver.jdbc.credentials.CredentialProvider;
import dev.benchdeck.driver.jdbc.credentials.StaticPassword;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class JdbcPoolTest {

    /** Hands out the credentials {@code next} makes, recording what it gave and what was refused. */
    private static final class ScriptedCredentials implements CredentialProvider {
        final Supplier<Credential> next;
        final List<Credential> given = new CopyOnWriteArrayList<>();
        final List<Credential> refused = new CopyOnWriteArrayList<>();
        Credential current;

        ScriptedCredentials(Supplier<Credential> next) {
            this.next = next;
        }

        @Override
        public synchronized Credential credential() {
            if (current == null || (current.expiresAt() != null && !Instant.now().isBefore(current.expiresAt()))) {
                current = next.get();
                given.add(current);
            }
            return current;
        }

        @Override
        public synchronized void invalidate() {
            current = null;
        }

        @Override
        public synchronized void invalidate(Credential refusedCredential) {
            refused.add(refusedCredential);
            invalidate();
        }

        @Override
        public boolean refreshable() {
            return true;
        }

        @Override
        public Duration credentialLifetime() {
            return Duration.ofHours(1);
        }

        @Override
        public String description() {
            return "scripted credentials";
        }
    }

    private static JdbcTarget target() {
        return TestDatabase.target();
    }

    private static int backendPid(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aRefusedLoginIsRetriedOnceWithAFreshCredential() throws Exception {
        JdbcTarget target = target();
        List<String> passwords = new ArrayList<>(List.of("not-the-password", target.password()));
        ScriptedCredentials credentials = new ScriptedCredentials(
                () -> new Credential(target.user(), passwords.removeFirst(), Instant.now().plusSeconds(3600)));

        try (JdbcPool pool = JdbcPool.open(target, credentials, 1); Connection c = pool.connection()) {
            assertThat(backendPid(c)).isPositive();
        }
        assertThat(credentials.refused).extracting(Credential::password).containsExactly("not-the-password");
        assertThat(credentials.given).hasSize(2);
    }

    @Test
    void thePoolsFirstConnectionsAreOpenedSeveralAtATime() throws Exception {
        JdbcTarget target = target();
        int size = 40;
        try (JdbcPool pool = JdbcPool.open(target, new StaticPassword(target.user(), target.password()), size)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (pool.gauges().get("pool.total") < size && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(pool.gauges().get("pool.total")).isEqualTo(size);
            assertThat(pool.peakParallelLogins()).isBetween(2, ConnectionPool.PARALLEL_LOGINS);
            List<Connection> borrowed = new ArrayList<>();
            try {
                java.util.Set<Integer> backends = new java.util.HashSet<>();
                for (int i = 0; i < size; i++) {
                    Connection c = pool.connection();
                    borrowed.add(c);
                    backends.add(backendPid(c));
                }
                assertThat(backends).as("every pooled connection is its own working backend").hasSize(size);
            } finally {
                for (Connection c : borrowed) {
                    c.close();
                }
            }
        }
    }

    @Test
    void aRefusedFirstLoginStopsTheOthersOpenedAhead() throws Exception {
        JdbcTarget target = target();
        ScriptedCredentials wrong = new ScriptedCredentials(() -> new Credential(target.user(), "wrong", null));
        JdbcTarget fastFail = new JdbcTarget(target.host(), target.port(), target.database(), target.user(), "disable",
                null, null, null, new PoolSettings(100, 0, PoolSettings.DEFAULT_MAX_LIFETIME, Duration.ofSeconds(2)),
                target.connectTimeout());
        try (JdbcPool pool = JdbcPool.open(fastFail, wrong, 100)) {
            assertThatThrownBy(pool::connection).isInstanceOf(SQLException.class);
        }
        // the logins in flight when the first was refused (each retried once with a fresh credential) and the
        // pool's own retries for two seconds: far from one login per connection, 100 (200 with the retries)
        assertThat(wrong.given.size()).isLessThan(60);
    }

    @Test
    void aWrongStaticPasswordFailsWithItsSqlStateAndIsNotRetried() {
        JdbcTarget target = target();
        JdbcTarget fastFail = new JdbcTarget(target.host(), target.port(), target.database(), target.user(), "disable",
                null, null, null, new PoolSettings(1, 0, PoolSettings.DEFAULT_MAX_LIFETIME, Duration.ofSeconds(2)),
                target.connectTimeout());

        try (JdbcPool pool = JdbcPool.open(fastFail, new StaticPassword(target.user(), "wrong"), 1)) {
            assertThatThrownBy(pool::connection)
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(rootSqlState((SQLException) e)).isEqualTo("28P01"));
        }
    }

    private static String rootSqlState(SQLException e) {
        Throwable t = e;
        while (t.getCause() instanceof SQLException cause) {
            t = cause;
        }
        return ((SQLException) t).getSQLState();
    }

    @Test
    void aConnectionWhoseLoginCredentialExpiredIsRetiredAtCheckout() throws Exception {
        JdbcTarget target = target();
        ScriptedCredentials credentials = new ScriptedCredentials(
                () -> new Credential(target.user(), target.password(), Instant.now().plusMillis(700)));

        try (JdbcPool pool = JdbcPool.open(target, credentials, 1)) {
            int first;
            try (Connection c = pool.connection()) {
                first = backendPid(c);
            }
            Thread.sleep(800);
            try (Connection c = pool.connection()) {
                assertThat(backendPid(c)).isNotEqualTo(first);
            }
            assertThat(pool.warnings()).singleElement().asString().contains("connections are retired when the credential");
        }
        assertThat(credentials.given.size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theMaxLifetimeStaysBelowTheCredentialsLife() {
        List<String> warnings = new ArrayList<>();

        assertThat(JdbcPool.maxLifetimeFor(Duration.ofMinutes(30), Duration.ofHours(1), warnings)).isEqualTo(Duration.ofMinutes(30));
        assertThat(warnings).isEmpty();
        assertThat(JdbcPool.maxLifetimeFor(Duration.ofMinutes(30), null, warnings)).isEqualTo(Duration.ofMinutes(30));
        assertThat(JdbcPool.maxLifetimeFor(Duration.ofHours(2), Duration.ofHours(1), warnings)).isEqualTo(Duration.ofMinutes(55));
        assertThat(warnings).singleElement().asString().contains("lowered to 55 min");
        warnings.clear();
        assertThat(JdbcPool.maxLifetimeFor(Duration.ofMinutes(30), Duration.ofSeconds(5), warnings)).isEqualTo(Duration.ofSeconds(30));
        assertThat(warnings).singleElement().asString().contains("credentials live only 5 s");
        warnings.clear();
        assertThat(JdbcPool.maxLifetimeFor(Duration.ofSeconds(5), null, warnings)).isEqualTo(Duration.ofSeconds(30));
        assertThat(warnings).singleElement().asString().contains("below the pool's minimum");
    }

    @Test
    void thePoolCanBeResizedForThePeakConcurrency() throws Exception {
        JdbcTarget target = target();
        JdbcTarget withOverflow = new JdbcTarget(target.host(), target.port(), target.database(), target.user(), "disable",
                target.password(), null, null, new PoolSettings(null, 2, PoolSettings.DEFAULT_MAX_LIFETIME,
                Duration.ofSeconds(5)), target.connectTimeout());

        try (JdbcPool pool = JdbcPool.open(withOverflow, new StaticPassword(target.user(), target.password()), 1)) {
            pool.resize(5);
            assertThat(pool.size()).isEqualTo(5);
            assertThat(pool.maximumSize()).isEqualTo(7);
            List<Connection> held = new ArrayList<>();
            try {
                for (int i = 0; i < 7; i++) {
                    held.add(pool.connection());
                }
                assertThat(pool.gauges()).containsEntry("pool.active", 7.0).containsEntry("pool.total", 7.0);
            } finally {
                for (Connection c : held) {
                    c.close();
                }
            }
            pool.resize(2);
            assertThat(pool.size()).isEqualTo(2);
            assertThat(pool.maximumSize()).isEqualTo(4);
            assertThatThrownBy(() -> pool.resize(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
