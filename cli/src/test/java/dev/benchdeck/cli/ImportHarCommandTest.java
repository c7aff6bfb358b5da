package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportHarCommandTest {

    @TempDir
    Path dir;

    @Test
    void aRecordingBecomesAPlanThatValidates() throws Exception {
        Path har = Files.writeString(dir.resolve("checkout.har"), """
                {"log": {"entries": [
                  {"startedDateTime": "2026-11-20T10:00:00Z", "time": 20,
                   "request": {"method": "POST", "url": "http://127.0.0.1:8089/login", "headers": []},
                   "response": {"status": 200, "headers": [], "content": {"text": "{\\"token\\": \\"tok-0123456789\\"}"}}},
                  {"startedDateTime": "2026-11-20T10:00:01Z", "time": 20,
                   "request": {"method": "POST", "url": "http://127.0.0.1:8089/checkout",
                               "headers": [{"name": "Authorization", "value": "Bearer tok-0123456789"}]},
                   "response": {"status": 200, "headers": [], "content": {"text": "{}"}}}
                ]}}""");
        CliRun run = CliRun.of("import", "har", har.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(run.out()).contains("name: checkout", "jsonpath: $.token", "Authorization: \"Bearer ${token}\"", "think: 980ms");
        Path plan = Files.writeString(dir.resolve("plan.yaml"), run.out());
        CliRun validate = CliRun.of("validate", plan.toString());
        assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(ExitCode.PASSED);
    }

    @Test
    void whatIsNotAHarExitsTwoWithItsProblems() throws Exception {
        Path notHar = Files.writeString(dir.resolve("plan.har"), "name: not a recording\n");
        CliRun run = CliRun.of("import", "har", notHar.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("cannot be imported", "not a HAR file");
    }
}
