package dev.benchdeck.driver.jdbc.config;

import dev.benchdeck.engine.plan.ConfigNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Reads and checks the plan's {@code target} section for the jdbc driver, reporting every problem with its path. */
public final class TargetReader {

    public static final Set<String> FIELDS = Set.of("host", "port", "database", "user", "sslmode", "password",
            "password_env", "lakebase", "connect_timeout", "pool", "allow_cleartext_password");
    public static final Set<String> POOL_FIELDS = Set.of("size", "overflow", "max_lifetime", "acquire_timeout");
    public static final Set<String> LAKEBASE_FIELDS = Set.of("workspace_url", "instance", "endpoint", "profile", "token",
            "client_id", "client_secret");
    public static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");
    /** Far more than a database serves; a typo guard. */
    static final int MAX_POOL_SIZE = 10_000;
    /** The floor for the connection wait (HikariCP's, kept when the pool became our own). */
    static final Duration MIN_ACQUIRE_TIMEOUT = Duration.ofMillis(250);

    private TargetReader() {
    }

    /** The target, or {@code null} when a required part is missing or unusable (problems reported). */
    public static JdbcTarget read(ConfigNode target) {
        if (!target.expectObject(FIELDS)) {
            return null;
        }
        String host = target.requiredText("host");
        Long port = target.integerAtLeast("port", (long) JdbcTarget.DEFAULT_PORT, 1);
        if (port != null && port > 65535) {
            target.problem("port", "must be ≤ 65535");
        }
        String database = target.requiredText("database");
        String user = target.requiredText("user");
        String sslmode = target.choice("sslmode", "prefer", SSL_MODES);
        String password = target.text("password", null);
        String passwordEnv = target.text("password_env", null);
        if (passwordEnv != null && !passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            target.problem("password_env", "must be an environment variable name (letters, digits, _)");
        }
        LakebaseSettings lakebase = lakebase(target.get("lakebase"));
        int sources = (password != null ? 1 : 0) + (passwordEnv != null ? 1 : 0) + (target.has("lakebase") ? 1 : 0);
        if (sources > 1) {
            target.problem("give at most one of password, password_env and lakebase");
        }
        Duration connectTimeout = target.duration("connect_timeout", JdbcTarget.DEFAULT_CONNECT_TIMEOUT);
        if (connectTimeout != null && connectTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            target.problem("connect_timeout", "must be at least 1s (the PostgreSQL driver counts in seconds)");
        }
        PoolSettings pool = pool(target.get("pool"));
        Boolean cleartext = target.bool("allow_cleartext_password", false);
        if (host == null || host.isBlank() || database == null || database.isBlank() || user == null || user.isBlank()
                || port == null) {
            return null;
        }
        return new JdbcTarget(host.trim(), (int) Math.min(port, 65535), database, user, sslmode, password, passwordEnv,
                lakebase, pool, connectTimeout).withCleartextPassword(Boolean.TRUE.equals(cleartext));
    }

    private static PoolSettings pool(ConfigNode pool) {
        PoolSettings defaults = PoolSettings.defaults();
        if (!pool.expectObject(POOL_FIELDS)) {
            return defaults;
        }
        Long size = pool.integerAtLeast("size", null, 1);
        if (size != null && size > MAX_POOL_SIZE) {
            pool.problem("size", "must be ≤ " + MAX_POOL_SIZE);
        }
        Long overflow = pool.integerAtLeast("overflow", 0L, 0);
        if (overflow != null && overflow > MAX_POOL_SIZE) {
            pool.problem("overflow", "must be ≤ " + MAX_POOL_SIZE);
        }
        Duration maxLifetime = pool.duration("max_lifetime", PoolSettings.DEFAULT_MAX_LIFETIME);
        if (maxLifetime != null && maxLifetime.compareTo(Duration.ofSeconds(30)) < 0) {
            pool.problem("max_lifetime", "must be at least 30s");
        }
        Duration acquireTimeout = pool.duration("acquire_timeout", PoolSettings.DEFAULT_ACQUIRE_TIMEOUT);
        if (acquireTimeout != null && acquireTimeout.compareTo(MIN_ACQUIRE_TIMEOUT) < 0) {
            pool.problem("acquire_timeout", "must be at least 250ms");
        }
        return new PoolSettings(size == null ? null : (int) Math.min(size, MAX_POOL_SIZE),
                overflow == null ? 0 : (int) Math.min(overflow, MAX_POOL_SIZE),
                maxLifetime, acquireTimeout);
    }

    private static LakebaseSettings lakebase(ConfigNode lakebase) {
        if (!lakebase.expectObject(LAKEBASE_FIELDS)) {
            return null;
        }
        String workspace = lakebase.requiredText("workspace_url");
        if (workspace != null && !workspace.matches("https?://\\S+")) {
            lakebase.problem("workspace_url", "must be an https:// URL of the Databricks workspace");
        }
        String instance = lakebase.text("instance", null);
        String endpoint = lakebase.text("endpoint", null);
        if ((instance == null) == (endpoint == null)) {
            lakebase.problem("give exactly one of instance (a provisioned database instance) and endpoint "
                    + "(projects/<project>/branches/<branch>/endpoints/<endpoint>)");
        }
        if (endpoint != null && !endpoint.matches("projects/[^/]+/branches/[^/]+/endpoints/[^/]+")) {
            lakebase.problem("endpoint", "must look like projects/<project>/branches/<branch>/endpoints/<endpoint>");
        }
        String profile = lakebase.text("profile", null);
        String token = lakebase.text("token", null);
        String clientId = lakebase.text("client_id", null);
        String clientSecret = lakebase.text("client_secret", null);
        if ((clientId == null) != (clientSecret == null)) {
            lakebase.problem(clientId == null ? "client_secret" : "client_id",
                    "client_id and client_secret go together (a service principal's OAuth login)");
        }
        if (token != null && clientId != null) {
            lakebase.problem("token", "give either token or client_id/client_secret, not both");
        }
        return new LakebaseSettings(workspace, instance, endpoint, profile, token, clientId, clientSecret);
    }
}
