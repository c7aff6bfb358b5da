package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.demotarget.DemoTarget;
import dev.benchdeck.engine.result.ResultJson;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) on a real process: it stops within a second and still writes its partial results. */
class CtrlCTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void interruptStopsQuicklyAndKeepsPartialResults() throws Exception {
        try (DemoTarget target = DemoTarget.start(0)) {
            Path plan = dir.resolve("long.yaml");
            Files.writeString(plan, "name: long\ntarget: {url: '" + target.baseUrl() + "'}\nworkload: {path: /delay/5}\n"
                    + "load: {users: 4, duration: 5m}\n");
            Path out = dir.resolve("result.json");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    BenchdeckCommand.class.getName(), "run", plan.toString(), "--out", out.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("console.txt").toFile()).start();
            // wait for the first progress line: the load is running
            long giveUp = System.currentTimeMillis() + 30_000;
            while (!Files.readString(dir.resolve("console.txt")).contains("req/s") && System.currentTimeMillis() < giveUp) {
                Thread.sleep(100);
            }
            long start = System.nanoTime();
            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            String console = Files.readString(dir.resolve("console.txt"));
            assertThat(process.exitValue()).as(console).isEqualTo(ExitCode.INTERRUPTED);
            // the requests in flight take 5 s: a stop that waited for them would take longer (the engine's own stop
            // time is RunEngineTest's; here a loaded machine adds the JVM's shutdown and writing the result)
            assertThat(tookMs).as("stop time").isLessThan(4500);
            JsonNode result = ResultJson.mapper().readTree(new File(out.toString()));
            assertThat(result.get("status").asText()).isEqualTo("cancelled");
            assertThat(result.at("/steps/0/requests").asLong()).isPositive();
            assertThat(console).contains("interrupted: partial results kept");
        }
    }
}
