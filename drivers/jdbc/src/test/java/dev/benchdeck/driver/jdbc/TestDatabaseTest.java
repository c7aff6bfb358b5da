package dev.benchdeck.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.driver.jdbc.credentials.StaticPassword;
import dev.benchdeck.driver.jdbc.pool.JdbcPool;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {

    @Test
    void thePoolLogsInWithTheProvidersPasswordAndReportsItsState() throws Exception {
        var target = TestDatabase.target();
        try (JdbcPool pool = JdbcPool.open(target, new StaticPassword(target.user(), target.password()), 2);
             Connection c = pool.connection();
             ResultSet rs = c.createStatement().executeQuery("select current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(target.user());
            assertThat(pool.gauges()).containsEntry("pool.active", 1.0).containsKeys("pool.idle", "pool.waiting", "pool.total");
        }
    }
}
