package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code benchdeck ingestor}'s refusals: each has its own exit code and says why. */
class IngestorCommandTest {

    private record Result(int code, String err) {
    }

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchdeckCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return new Result(cli.execute(args), err.toString());
    }

    @Test
    void aNonLoopbackHostWithoutATokenIsRefusedWithExitCode4() {
        Result r = run("ingestor", "--host", "0.0.0.0", "--database-url", "postgresql://u@127.0.0.1:1/db");
        assertThat(r.code()).isEqualTo(ExitCode.UNSAFE_EXPOSURE).isEqualTo(4);
        assertThat(r.err()).contains("--admin-token-env");
    }

    @Test
    void badValuesAreInvalidInput() {
        assertThat(run("ingestor", "--database-url", "mysql://x/y").code()).isEqualTo(ExitCode.INVALID_INPUT);
        Result r = run("ingestor", "--database-url", "postgresql://u@127.0.0.1:1/db", "--batch-size", "0");
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("batch size");
        assertThat(run("ingestor", "--admin-token-env", "BENCHDECK_SURELY_UNSET_VARIABLE").code()).isEqualTo(ExitCode.INVALID_INPUT);
        Result both = run("ingestor", "--database-url", "postgresql://u@127.0.0.1:1/db", "--redis", "redis://127.0.0.1:1",
                "--kafka-bootstrap", "127.0.0.1:1");
        assertThat(both.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(both.err()).contains("choose one queue");
        Result topic = run("ingestor", "--database-url", "postgresql://u@127.0.0.1:1/db", "--kafka-bootstrap", "127.0.0.1:1",
                "--kafka-topic", "a/b", "--kafka-partitions", "0");
        assertThat(topic.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(topic.err()).contains("Kafka topic").contains("Kafka partitions");
        assertThat(run("ingestor", "--database-url", "postgresql://u@127.0.0.1:1/db", "--kafka-bootstrap", "kafka://h").err())
                .contains("host:port");
    }

    @Test
    void anUnreachableDatabaseIsARunFailure() {
        Result r = run("ingestor", "--port", "0", "--database-url", "postgresql://u@127.0.0.1:1/db");
        assertThat(r.code()).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(r.err()).contains("cannot reach PostgreSQL at 127.0.0.1:1/db");
    }

    @Test
    void durationsAcceptMillisecondsSecondsAndIso() {
        assertThat(IngestorCommand.duration("--batch-wait", "20ms")).isEqualTo(Duration.ofMillis(20));
        assertThat(IngestorCommand.duration("--batch-wait", "1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(IngestorCommand.duration("--batch-wait", "PT2S")).isEqualTo(Duration.ofSeconds(2));
    }
}
