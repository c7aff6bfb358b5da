package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.demotarget.DemoTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportOpenApiCommandTest {

    @TempDir
    Path dir;

    @Test
    void aDocumentBecomesAPlanThatValidatesAndRunsAgainstTheDemoTarget() throws Exception {
        Path spec = Files.writeString(dir.resolve("demo.yaml"), """
                openapi: 3.0.3
                info: {title: demo, version: "1"}
                paths:
                  /hello:
                    get:
                      operationId: hello
                      responses: {"200": {description: hi}}
                  /products/{id}:
                    get:
                      parameters: [{name: id, in: path, required: true, schema: {type: integer}, example: 3}]
                      responses: {"200": {description: one}}
                """);
        try (DemoTarget target = DemoTarget.start(0)) {
            CliRun run = CliRun.of("import", "openapi", spec.toString(), "--base-url", target.baseUrl());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PASSED);
            assertThat(run.out()).contains("name: demo", "- name: hello", "path: /products/3", "expect_status: 200");
            Path plan = Files.writeString(dir.resolve("plan.yaml"), run.out());
            CliRun validate = CliRun.of("validate", plan.toString());
            assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(ExitCode.PASSED);
            CliRun ran = CliRun.of("run", plan.toString(), "--set", "load.duration=1s");
            assertThat(ran.exitCode()).as(ran.toString()).isEqualTo(ExitCode.PASSED);
        }
    }

    @Test
    void whatIsNotAnOpenApi3DocumentExitsTwoWithItsProblems() throws Exception {
        Path swagger = Files.writeString(dir.resolve("old.json"), "{\"swagger\": \"2.0\", \"paths\": {}}");
        CliRun run = CliRun.of("import", "openapi", swagger.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("cannot be imported", "swagger: Swagger 2.0 is not supported");
        assertThat(CliRun.of("import", "openapi", dir.resolve("missing.yaml").toString()).err()).contains("no such file");
    }
}
