package dev.benchdeck.server.target;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A target as written by a client. {@code credentials} are optional: on update, leaving them out
 * keeps the stored ones and an empty object ({@code {}} or {@code {"headers": {}}}) removes them.
 * An {@code http}, {@code llm} or {@code automation} target needs a {@code url}; a {@code postgres}
 * target has its connection in {@code options} and its {@code url} is made by the server for display.
 */
@HttpTargetUrl
record TargetRequest(@NotBlank @Size(max = 200) String name,
                     @Pattern(regexp = "http|postgres|llm|automation|gateway|ingestor", message = "must be 'http', 'postgres', 'llm', 'automation', 'gateway' or 'ingestor'")
                     @Schema(allowableValues = {TargetKinds.HTTP, TargetKinds.POSTGRES, TargetKinds.LLM, TargetKinds.AUTOMATION, TargetKinds.GATEWAY, TargetKinds.INGESTOR}) String kind,
                     @Size(max = 2000) String url,
                     @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
                     Map<String, Object> options,
                     @Valid Credentials credentials) {

    String kindOrDefault() {
        return kind == null ? TargetKinds.HTTP : kind;
    }

    /**
     * Secrets, write-only: request {@code headers} for http targets; the database {@code password}
     * and Lakebase secrets for postgres targets; the {@code api_key} of llm and automation targets.
     */
    record Credentials(Map<@NotBlank String, @NotBlank String> headers,
                       @Size(max = 1000) String password,
                       @Valid LakebaseSecrets lakebase,
                       @Size(max = 4000) String apiKey,
                       @Size(max = 1000) String adminToken) {

        /** Without a gateway's admin token (the secrets of the other kinds). */
        Credentials(Map<String, String> headers, String password, LakebaseSecrets lakebase, String apiKey) {
            this(headers, password, lakebase, apiKey, null);
        }

        boolean isEmpty() {
            return (headers == null || headers.isEmpty()) && blank(password) && blank(apiKey) && blank(adminToken)
                    && (lakebase == null || (blank(lakebase.token()) && blank(lakebase.clientSecret())));
        }

        @Override
        public String toString() {
            return "Credentials[***]";
        }
    }

    /** A Lakebase workspace login: a personal access {@code token} or a service principal's {@code client_secret}. */
    record LakebaseSecrets(@Size(max = 4000) String token, @Size(max = 1000) String clientSecret) {
        @Override
        public String toString() {
            return "LakebaseSecrets[***]";
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
