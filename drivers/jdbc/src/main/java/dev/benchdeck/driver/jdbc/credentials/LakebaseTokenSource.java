package dev.benchdeck.driver.jdbc.credentials;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.database.DatabaseCredential;
import com.databricks.sdk.service.database.GenerateDatabaseCredentialRequest;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * One call to the workspace for a database token: {@code POST /api/2.0/database/credentials} for a
 * provisioned instance, {@code POST /api/2.0/postgres/credentials} for an autoscaling endpoint.
 * Throws the SDK's (unchecked) {@code DatabricksException} when the workspace refuses.
 */
interface LakebaseTokenSource {

    /** A token and when it expires ({@code null} when the answer does not say). */
    record IssuedToken(String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedToken[token=***, expiresAt=" + expiresAt + "]";
        }
    }

    IssuedToken issue();

    /** Which instance or endpoint, for messages. */
    String description();

    static LakebaseTokenSource provisionedInstance(WorkspaceClient workspace, String instance) {
        return new LakebaseTokenSource() {
            @Override
            public IssuedToken issue() {
                DatabaseCredential answer = workspace.database().generateDatabaseCredential(
                        new GenerateDatabaseCredentialRequest()
                                .setInstanceNames(List.of(instance))
                                .setRequestId(UUID.randomUUID().toString()));
                return new IssuedToken(answer.getToken(), parseRfc3339(answer.getExpirationTime()));
            }

            @Override
            public String description() {
                return "database instance " + instance + " at " + workspace.config().getHost();
            }
        };
    }

    static LakebaseTokenSource autoscalingEndpoint(WorkspaceClient workspace, String endpoint) {
        return new LakebaseTokenSource() {
            @Override
            public IssuedToken issue() {
                com.databricks.sdk.service.postgres.DatabaseCredential answer = workspace.postgres().generateDatabaseCredential(
                        new com.databricks.sdk.service.postgres.GenerateDatabaseCredentialRequest().setEndpoint(endpoint));
                return new IssuedToken(answer.getToken(), fromTimestamp(answer.getExpireTime()));
            }

            @Override
            public String description() {
                return "endpoint " + endpoint + " at " + workspace.config().getHost();
            }
        };
    }

    static Instant parseRfc3339(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null; // the provider then assumes the documented hour
        }
    }

    static Instant fromTimestamp(Timestamp timestamp) {
        if (timestamp == null || (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0)) {
            return null;
        }
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
