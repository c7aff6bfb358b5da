package dev.benchdeck.driver.jdbc.config;

/**
 * Databricks Lakebase OAuth credentials: the workspace, and either a provisioned database
 * {@code instance} or an autoscaling {@code endpoint} (projects/…/branches/…/endpoints/…). The
 * workspace login comes from {@code token}, or {@code client_id} + {@code client_secret} (a service
 * principal), or else the Databricks SDK's default chain ({@code profile}, DATABRICKS_* variables).
 */
public record LakebaseSettings(String workspaceUrl, String instance, String endpoint, String profile,
                               String token, String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "LakebaseSettings[workspace=" + workspaceUrl
                + (instance != null ? ", instance=" + instance : "") + (endpoint != null ? ", endpoint=" + endpoint : "")
                + (profile != null ? ", profile=" + profile : "") + (token != null ? ", token=***" : "")
                + (clientId != null ? ", client_id=" + clientId + ", client_secret=***" : "") + "]";
    }
}
