package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MockLlmExposureTest {

    @Test
    void listeningOnAllInterfacesWithoutAnAdminTokenIsRefusedWithItsOwnExitCode() {
        // a variable name no environment sets, so that the token is surely missing
        CliRun run = CliRun.of("mock-llm", "--host", "0.0.0.0", "--port", "0", "--admin-token-env", "BENCHDECK_TEST_UNSET_TOKEN_VARIABLE");
        assertThat(run.exitCode()).isEqualTo(ExitCode.UNSAFE_EXPOSURE);
        assertThat(run.err()).contains("admin token").contains("127.0.0.1");
    }
}
