package dev.benchdeck.driver.jdbc.credentials;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.DatabricksException;
import dev.benchdeck.driver.jdbc.config.LakebaseSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Databricks Lakebase OAuth database credentials: the password is a token the workspace issues for
 * the Databricks identity ({@code user}), valid for about an hour and checked only at login. The
 * token is cached and fetched again a margin before it expires (5 minutes, or a tenth of its life
 * for short-lived tokens) or after the database refused it; one fetch at a time.
 */
public final class LakebaseCredentials implements CredentialProvider {

    /** Lakebase's documented token life, assumed when an answer carries no usable expiry. */
    static final Duration ASSUMED_LIFETIME = Duration.ofHours(1);

    private final String user;
    private final LakebaseTokenSource source;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Cached cached;
    private volatile Duration lastLifetime;

    /** The token in use and when to replace it, read and written as one. */
    private record Cached(Credential credential, Instant refreshAt) {
    }

    LakebaseCredentials(String user, LakebaseTokenSource source, Clock clock) {
        this.user = user;
        this.source = source;
        this.clock = clock;
    }

    /** A provider for the database user {@code user} (the Databricks identity) talking to the workspace in {@code settings}. */
    public static LakebaseCredentials connect(String user, LakebaseSettings settings) throws CredentialException {
        if (user == null || user.isBlank()) {
            throw new CredentialException("Lakebase needs the target's user: the Databricks identity to log in as "
                    + "(a user's e-mail or a service principal's application id)");
        }
        WorkspaceClient workspace = workspaceClient(settings);
        LakebaseTokenSource source = settings.instance() != null
                ? LakebaseTokenSource.provisionedInstance(workspace, settings.instance())
                : LakebaseTokenSource.autoscalingEndpoint(workspace, settings.endpoint());
        return new LakebaseCredentials(user, source, Clock.systemUTC());
    }

    /** The workspace login: a personal access token, a service principal (OAuth M2M), or the SDK's default chain. */
    static WorkspaceClient workspaceClient(LakebaseSettings settings) throws CredentialException {
        if (settings.workspaceUrl() == null || settings.workspaceUrl().isBlank()) {
            throw new CredentialException("Lakebase needs workspace_url (e.g. https://my-workspace.cloud.databricks.com)");
        }
        if ((settings.instance() == null) == (settings.endpoint() == null)) {
            throw new CredentialException("Lakebase needs exactly one of instance (a provisioned database instance) "
                    + "or endpoint (projects/…/branches/…/endpoints/… of an autoscaling project)");
        }
        DatabricksConfig config = new DatabricksConfig().setHost(settings.workspaceUrl());
        if (settings.token() != null) {
            config.setToken(settings.token()).setAuthType("pat");
        } else if (settings.clientId() != null) {
            if (settings.clientSecret() == null) {
                throw new CredentialException("Lakebase client_id needs client_secret (OAuth machine-to-machine login)");
            }
            config.setClientId(settings.clientId()).setClientSecret(settings.clientSecret()).setAuthType("oauth-m2m");
        } else if (settings.profile() != null) {
            config.setProfile(settings.profile());
        }
        try {
            return new WorkspaceClient(config);
        } catch (DatabricksException e) {
            throw new CredentialException("cannot set up the Databricks workspace login for " + settings.workspaceUrl()
                    + ": " + withoutSecrets(e.getMessage(), settings), e);
        }
    }

    @Override
    public Credential credential() throws CredentialException {
        Cached current = cached;
        if (current != null && clock.instant().isBefore(current.refreshAt())) {
            return current.credential();
        }
        fetching.lock();
        try {
            current = cached;
            if (current != null && clock.instant().isBefore(current.refreshAt())) {
                return current.credential(); // another thread fetched it while this one waited
            }
            return fetch();
        } finally {
            fetching.unlock();
        }
    }

    private Credential fetch() throws CredentialException {
        Instant now = clock.instant();
        LakebaseTokenSource.IssuedToken issued;
        try {
            issued = source.issue();
        } catch (DatabricksException e) {
            throw new CredentialException("cannot get a Lakebase credential for " + source.description() + ": "
                    + reason(e), e);
        }
        if (issued.token() == null || issued.token().isEmpty()) {
            throw new CredentialException("the workspace answered without a token for " + source.description());
        }
        Instant expiresAt = issued.expiresAt() != null && issued.expiresAt().isAfter(now)
                ? issued.expiresAt() : now.plus(ASSUMED_LIFETIME);
        Duration lifetime = Duration.between(now, expiresAt);
        Credential credential = new Credential(user, issued.token(), expiresAt);
        lastLifetime = lifetime;
        cached = new Cached(credential, expiresAt.minus(Credential.refreshMargin(lifetime)));
        return credential;
    }

    private String reason(DatabricksException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof DatabricksError error && error.getStatusCode() > 0) {
            return "HTTP " + error.getStatusCode()
                    + (error.getErrorCode() != null ? " " + error.getErrorCode() : "") + ": " + message;
        }
        return message;
    }

    static String withoutSecrets(String message, LakebaseSettings settings) {
        String text = message == null ? "" : message;
        for (String secret : new String[] {settings.token(), settings.clientSecret()}) {
            if (secret != null && !secret.isEmpty()) {
                text = text.replace(secret, "***");
            }
        }
        return text;
    }

    @Override
    public void invalidate() {
        fetching.lock();
        try {
            cached = null;
        } finally {
            fetching.unlock();
        }
    }

    @Override
    public void invalidate(Credential refused) {
        fetching.lock();
        try {
            Cached current = cached;
            if (current != null && current.credential().password().equals(refused.password())) {
                cached = null;
            }
        } finally {
            fetching.unlock();
        }
    }

    @Override
    public boolean refreshable() {
        return true;
    }

    /** The life of the last token fetched, or Lakebase's documented hour before the first fetch. */
    @Override
    public Duration credentialLifetime() {
        Duration lifetime = lastLifetime;
        return lifetime != null ? lifetime : ASSUMED_LIFETIME;
    }

    @Override
    public String description() {
        return "Lakebase OAuth tokens for " + user + " (" + source.description() + ")";
    }
}
