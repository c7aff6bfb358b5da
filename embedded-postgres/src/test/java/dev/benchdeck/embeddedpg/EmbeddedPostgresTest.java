package dev.benchdeck.embeddedpg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real PostgreSQL servers in temporary directories: the port fallback, the supervisor, a clear start failure. */
@Timeout(180)
class EmbeddedPostgresTest {

    private final java.util.List<Path> homes = new java.util.ArrayList<>();

    @AfterEach
    void removeHomes() throws IOException {
        for (Path home : homes) {
            if (Files.exists(home)) {
                try (Stream<Path> files = Files.walk(home)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private Path home() throws IOException {
        Path home = Files.createTempDirectory("benchdeck-pg-test-");
        homes.add(home);
        return home;
    }

    private static int selectOne(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             var rs = c.createStatement().executeQuery("select 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aTakenPortFallsBackToAFreeOneThatTheNextStartReusesAndASecondServerStartsBesideIt() throws Exception {
        Path first = home();
        int remembered;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            try (EmbeddedPostgres pg = EmbeddedPostgres.start(first, taken.getLocalPort(), false)) {
                assertThat(pg.port()).isNotEqualTo(taken.getLocalPort());
                assertThat(selectOne(pg)).isEqualTo(1);
                remembered = pg.port();
                assertThat(Files.readString(first.resolve(RememberedPort.FILE)))
                        .contains("configured=" + taken.getLocalPort(), "port=" + remembered);

                try (EmbeddedPostgres second = EmbeddedPostgres.start(home(), taken.getLocalPort(), true)) {
                    assertThat(second.port()).isNotIn(taken.getLocalPort(), pg.port());
                    assertThat(selectOne(second)).isEqualTo(1);
                }
            }
            try (EmbeddedPostgres again = EmbeddedPostgres.start(first, taken.getLocalPort(), true)) {
                assertThat(again.port()).as("the remembered port").isEqualTo(remembered);
                assertThat(selectOne(again)).isEqualTo(1);
            }
        }
    }

    @Test
    void aSupervisedServerWhoseProcessIsKilledIsStartedAgain() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(home(), 0, true).supervise(Duration.ofMillis(200))) {
            long pid = pg.pid().orElseThrow();
            assertThat(pg.status().running()).isTrue();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (pg.status().restarts() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            EmbeddedPostgres.Status status = pg.status();
            assertThat(status.restarts()).as(status.toString()).isEqualTo(1);
            assertThat(status.running()).isTrue();
            assertThat(status.pid()).isNotEqualTo(pid);
            assertThat(selectOne(pg)).isEqualTo(1);
        }
    }

    @Test
    void aServerThatCannotStartSaysWhyInOneLine() throws Exception {
        Path notADirectory = Files.createFile(home().resolve("a-file"));
        assertThatThrownBy(() -> EmbeddedPostgres.start(notADirectory, 0, false))
                .isInstanceOf(EmbeddedPostgres.StartFailure.class)
                .hasMessageStartingWith("cannot start the embedded PostgreSQL in " + notADirectory.toAbsolutePath())
                .hasMessageEndingWith(notADirectory.toAbsolutePath() + " exists and is not a directory")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
