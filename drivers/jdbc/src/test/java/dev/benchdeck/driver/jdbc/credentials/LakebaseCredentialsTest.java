package dev.benchdeck.driver.jdbc.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchdeck.driver.jdbc.config.LakebaseSettings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LakebaseCredentialsTest {

    private static final String PAT = "dapi-dummy-token-0123";

    @Test
    void aProvisionedInstanceGetsItsTokenFromTheDatabaseCredentialsEndpoint() throws Exception {
        Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        try (FakeWorkspace workspace = new FakeWorkspace(r -> FakeWorkspace.token(r, "db-token-1", expiry))) {
            LakebaseSettings settings = new LakebaseSettings(workspace.url(), "bench-instance", null, null, PAT, null, null);
            Credential credential = LakebaseCredentials.connect("someone@example.com", settings).credential();

            assertThat(credential.user()).isEqualTo("someone@example.com");
            assertThat(credential.password()).isEqualTo("db-token-1");
            assertThat(credential.expiresAt()).isEqualTo(expiry);
            FakeWorkspace.Received request = workspace.received().getLast();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/2.0/database/credentials");
            assertThat(request.authorization()).isEqualTo("Bearer " + PAT);
            assertThat(request.body()).contains("\"instance_names\":[\"bench-instance\"]").contains("\"request_id\":\"");
        }
    }

    @Test
    void anAutoscalingEndpointGetsItsTokenFromThePostgresCredentialsEndpoint() throws Exception {
        Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String endpoint = "projects/bench/branches/main/endpoints/primary";
        try (FakeWorkspace workspace = new FakeWorkspace(r -> FakeWorkspace.token(r, "pg-token-1", expiry))) {
            LakebaseSettings settings = new LakebaseSettings(workspace.url(), null, endpoint, null, PAT, null, null);
            Credential credential = LakebaseCredentials.connect("sp-app-id", settings).credential();

            assertThat(credential.password()).isEqualTo("pg-token-1");
            assertThat(credential.expiresAt()).isEqualTo(expiry);
            FakeWorkspace.Received request = workspace.received().getLast();
            assertThat(request.path()).isEqualTo("/api/2.0/postgres/credentials");
            assertThat(request.authorization()).isEqualTo("Bearer " + PAT);
            assertThat(request.body()).contains("\"endpoint\":\"" + endpoint + "\"");
        }
    }

    @Test
    void aRefusalBecomesACredentialExceptionWithoutTheWorkspaceToken() throws Exception {
        try (FakeWorkspace workspace = new FakeWorkspace(r -> new FakeWorkspace.Answer(403,
                "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"no access to instance bench-instance\"}"))) {
            LakebaseSettings settings = new LakebaseSettings(workspace.url(), "bench-instance", null, null, PAT, null, null);
            CredentialProvider provider = LakebaseCredentials.connect("someone@example.com", settings);

            assertThatThrownBy(provider::credential)
                    .isInstanceOf(CredentialException.class)
                    .hasMessageContaining("bench-instance")
                    .hasMessageContaining("403")
                    .hasMessageContaining("no access")
                    .hasMessageNotContaining(PAT);
        }
    }

    @Test
    void aServicePrincipalLogsInWithOAuthMachineToMachineFirst() throws Exception {
        Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        try (FakeWorkspace workspace = new FakeWorkspace(r -> new FakeWorkspace.Answer(404, "{}"))) {
            workspace.answer(r -> {
                if (r.path().equals("/oidc/.well-known/oauth-authorization-server")) {
                    return new FakeWorkspace.Answer(200, "{\"authorization_endpoint\":\"" + workspace.url()
                            + "/oidc/v1/authorize\",\"token_endpoint\":\"" + workspace.url() + "/oidc/v1/token\"}");
                }
                if (r.path().equals("/oidc/v1/token")) {
                    return new FakeWorkspace.Answer(200,
                            "{\"access_token\":\"sp-access-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
                }
                return FakeWorkspace.token(r, "db-token-sp", expiry);
            });
            LakebaseSettings settings = new LakebaseSettings(workspace.url(), "bench-instance", null, null, null,
                    "sp-client-id", "sp-client-secret");
            Credential credential = LakebaseCredentials.connect("sp-client-id", settings).credential();

            assertThat(credential.password()).isEqualTo("db-token-sp");
            String basic = "Basic " + Base64.getEncoder().encodeToString("sp-client-id:sp-client-secret".getBytes(StandardCharsets.UTF_8));
            assertThat(workspace.received()).anySatisfy(r -> {
                assertThat(r.path()).isEqualTo("/oidc/v1/token");
                assertThat(r.authorization()).isEqualTo(basic);
                assertThat(r.body()).contains("grant_type=client_credentials");
            });
            FakeWorkspace.Received request = workspace.received().getLast();
            assertThat(request.path()).isEqualTo("/api/2.0/database/credentials");
            assertThat(request.authorization()).isEqualTo("Bearer sp-access-token");
        }
    }
}
