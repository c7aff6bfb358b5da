package dev.benchdeck.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.web.server.PortInUseException;

class StartupFailureTest {

    @Test
    void theReasonIsOneLineFromTheFailureThatMatters() throws Exception {
        Path file = Files.createTempFile("benchdeck-not-a-directory", "");
        try {
            Throwable embedded = catchStart(file);
            BeanCreationException wrapped = new BeanCreationException("dataSource", "Error creating bean with name 'dataSource'\n more", embedded);
            assertThat(StartupFailure.reason(wrapped)).startsWith("cannot start the embedded PostgreSQL in " + file).doesNotContain("\n");
        } finally {
            Files.deleteIfExists(file);
        }
        assertThat(StartupFailure.reason(new IllegalStateException("x", new PortInUseException(8080))))
                .isEqualTo("port 8080 is already in use (another server runs there); start with --server.port=<another port>");
        assertThat(StartupFailure.reason(new IllegalStateException("outer", new IllegalArgumentException("inner\nsecond line"))))
                .isEqualTo("inner");
    }

    private static Throwable catchStart(Path home) {
        try {
            EmbeddedPostgres.start(home, 0, false).close();
            throw new AssertionError("started in a file");
        } catch (EmbeddedPostgres.StartFailure e) {
            return e;
        }
    }
}
