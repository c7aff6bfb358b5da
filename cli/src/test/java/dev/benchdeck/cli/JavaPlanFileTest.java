package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchdeck validate|run X.java}: what a Java plan file may be, and what the command says when it is not. */
@Timeout(60)
class JavaPlanFileTest {

    private static final String IMPORTS = """
            import static dev.benchdeck.driver.http.plan.Benchdeck.*;
            import dev.benchdeck.driver.http.plan.*;
            import dev.benchdeck.engine.plan.Plan;
            """;

    @TempDir
    Path dir;

    private Path source(String name, String body) throws IOException {
        return Files.writeString(dir.resolve(name), IMPORTS + body);
    }

    @Test
    void aPlanSourceClassValidatesAndOverridesApplyBeforeValidation() throws IOException {
        Path file = source("Quick.java", """
                public class Quick implements PlanSource {
                    public PlanBuilder plan() {
                        return Benchdeck.plan("quick").target("not a url")
                                .journey(j -> j.step("hello", s -> s.get("/hello")))
                                .load(closed(2).duration(seconds(3)));
                    }
                }
                """);
        CliRun invalid = CliRun.of("validate", file.toString());
        assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(invalid.err()).contains("error: invalid plan " + file + " (1 problem)",
                "target.url: must be an http:// or https:// URL (was 'not a url')");

        CliRun valid = CliRun.of("validate", file.toString(), "--set", "target.url=http://127.0.0.1:1");
        assertThat(valid.exitCode()).as(valid.toString()).isEqualTo(ExitCode.PASSED);
        assertThat(valid.out()).contains(file + ": valid (1 step, about 3s)");
    }

    @Test
    void aCompileErrorIsReportedWithItsFileAndLine() throws IOException {
        Path file = source("typo.java", """
                class Typo {
                    static PlanBuilder plan() {
                        return Benchdeck.plan("typo").target("http://127.0.0.1:1")
                                .journey(j -> j.tink(millis(5)));
                    }
                }
                """);
        CliRun run = CliRun.of("run", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("error: cannot compile " + file + " (1 error)",
                "  " + file + ":7: cannot find symbol; symbol: method tink(java.time.Duration); location: variable j");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void aFileWithoutAPlanClassSaysWhatItNeeds() throws IOException {
        CliRun run = CliRun.of("validate", source("nothing.java", "class Nothing { static String plan() { return \"\"; } }\n").toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("declares no class with a static PlanBuilder plan() method or implementing PlanSource");
    }

    @Test
    void aPlanMethodThatThrowsIsReportedWithItsLine() throws IOException {
        Path file = source("Throws.java", """
                class Throws {
                    static PlanBuilder plan() {
                        throw new IllegalStateException("no plan today");
                    }
                }
                """);
        CliRun run = CliRun.of("validate", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("plan() failed: java.lang.IllegalStateException: no plan today (at " + file + ":6)");
    }

    @Test
    void aPlanBuiltInTheFileListsTheReadersProblems() throws IOException {
        Path file = source("Built.java", """
                class Built {
                    static Plan plan() {
                        return Benchdeck.plan("built").target("http://127.0.0.1:1")
                                .journey(j -> j.branches(b -> b
                                        .branch(60, x -> x.step("a", s -> s.get("/a")))
                                        .branch(30, x -> x.step("b", s -> s.get("/b").extract("v", jsonPath("$..v"))))))
                                .load(closed(1))
                                .build();
                    }
                }
                """);
        CliRun run = CliRun.of("run", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("(2 problems)",
                "workload.journey[0].branches: weights must add up to 100 (they add up to 90)",
                "workload.journey[0].branches[1].steps[0].extract[0].jsonpath: JSONPath '$..v' at position 1: recursive descent");
    }

    @Test
    void aMissingFileIsOneLine() {
        CliRun run = CliRun.of("validate", dir.resolve("Missing.java").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("no such file: " + dir.resolve("Missing.java"));
    }
}
