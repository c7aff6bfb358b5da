package dev.benchdeck.driver.jdbc.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.config.TargetReader;
import dev.benchdeck.driver.jdbc.credentials.CredentialException;
import dev.benchdeck.driver.jdbc.credentials.CredentialProvider;
import dev.benchdeck.driver.jdbc.credentials.CredentialProviders;
import dev.benchdeck.driver.jdbc.ops.SqlErrorClasses;
import dev.benchdeck.driver.jdbc.pool.FreshCredentialConnector;
import dev.benchdeck.engine.plan.ConfigNode;
import dev.benchdeck.engine.plan.Problems;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Logs in to a target the way the benchmark will (same credentials, same refresh on a refused
 * token) and reports the server version, the round-trip latency, and whether the user may create
 * the benchmark table in its current schema. Never throws for a problem with the target.
 */
public final class ConnectionCheck {

    static final int ROUND_TRIPS = 5;
    private static final List<String> STEPS = List.of("connect", "server_version", "round_trip", "create_privilege");

    private ConnectionCheck() {
    }

    /**
     * Checks a target given as its settings, the plan's {@code target} section with its secrets. Settings the
     * driver cannot read are a report of class {@value CheckErrors#INVALID_SETTINGS} listing every problem with its
     * path, and nothing is tried.
     */
    public static ConnectionReport run(JsonNode settings) {
        Problems problems = new Problems();
        JdbcTarget target = TargetReader.read(new ConfigNode(settings, "target", problems));
        if (problems.isEmpty() && target != null) {
            return run(target);
        }
        String text = problems.list().stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; "));
        return failure(CheckErrors.INVALID_SETTINGS, text, List.of(new CheckStep("settings", CheckStep.FAILED, 0, text)));
    }

    /** Checks {@code target} with the credential provider its settings select (closed afterwards). */
    public static ConnectionReport run(JdbcTarget target) {
        long start = System.nanoTime();
        try (CredentialProvider credentials = CredentialProviders.forTarget(target)) {
            return run(target, credentials);
        } catch (CredentialException e) {
            List<CheckStep> steps = new ArrayList<>();
            steps.add(CheckStep.failed("credential", start, e.getMessage()));
            STEPS.forEach(name -> steps.add(CheckStep.skipped(name)));
            return failure(SqlErrorClasses.CREDENTIAL, e.getMessage(), steps);
        }
    }

    public static ConnectionReport run(JdbcTarget target, CredentialProvider credentials) {
        List<CheckStep> steps = new ArrayList<>();
        long start = System.nanoTime();
        FreshCredentialConnector connector = new FreshCredentialConnector(target, credentials);
        FreshCredentialConnector.Login login;
        try {
            login = connector.open();
        } catch (SQLException e) {
            CheckErrors.Problem problem = CheckErrors.ofLogin(e, target, credentials);
            steps.add(CheckStep.failed("connect", start, problem.message()));
            STEPS.stream().skip(1).forEach(name -> steps.add(CheckStep.skipped(name)));
            return failure(problem.errorClass(), problem.message(), steps);
        }
        steps.add(CheckStep.ok("connect", start, login.credential().user() + "@" + target.describe()
                + ", sslmode " + target.sslmode() + ", credentials from " + credentials.description()));
        try (Connection connection = login.connection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, target.connectTimeout().toSeconds()));
            return inspect(statement, steps);
        } catch (SQLException e) {
            String message = "the server accepted the login but a check query failed: " + SqlErrorClasses.serverText(e);
            steps.add(new CheckStep(STEPS.get(steps.size()), CheckStep.FAILED, 0, message));
            STEPS.stream().skip(steps.size()).forEach(name -> steps.add(CheckStep.skipped(name)));
            return failure(SqlErrorClasses.ofSqlState(e.getSQLState()), message, steps);
        }
    }

    private static ConnectionReport inspect(Statement statement, List<CheckStep> steps) throws SQLException {
        long start = System.nanoTime();
        String version;
        String user;
        String database;
        String schema;
        try (ResultSet rs = statement.executeQuery(
                "select current_setting('server_version'), current_user, current_database(), current_schema()")) {
            rs.next();
            version = rs.getString(1);
            user = rs.getString(2);
            database = rs.getString(3);
            schema = rs.getString(4);
        }
        steps.add(CheckStep.ok("server_version", start, "PostgreSQL " + version));

        start = System.nanoTime();
        double roundTrip = medianRoundTripMillis(statement);
        steps.add(CheckStep.ok("round_trip", start, "median of " + ROUND_TRIPS + " × select 1: " + roundTrip + " ms"));

        start = System.nanoTime();
        boolean canCreate = false;
        if (schema != null) {
            try (ResultSet rs = statement.executeQuery("select has_schema_privilege(current_schema(), 'CREATE')")) {
                rs.next();
                canCreate = rs.getBoolean(1);
            }
        }
        steps.add(new CheckStep("create_privilege", canCreate ? CheckStep.OK : CheckStep.WARNING, Millis.since(start),
                createPrivilegeDetail(canCreate, user, schema)));
        return new ConnectionReport(true, version, roundTrip, canCreate, user, database, schema, null, null, steps);
    }

    private static String createPrivilegeDetail(boolean canCreate, String user, String schema) {
        if (schema == null) {
            return "no schema of the search_path exists for " + user + ": the benchmark table cannot be created";
        }
        if (canCreate) {
            return user + " may create tables in schema " + schema;
        }
        return user + " may not create tables in schema " + schema + ": the benchmark can only reuse an existing table"
                + " (or grant it: GRANT CREATE ON SCHEMA " + schema + " TO " + user + ")";
    }

    private static double medianRoundTripMillis(Statement statement) throws SQLException {
        long[] nanos = new long[ROUND_TRIPS];
        for (int i = 0; i < ROUND_TRIPS; i++) {
            long start = System.nanoTime();
            try (ResultSet rs = statement.executeQuery("select 1")) {
                rs.next();
            }
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return Millis.of(nanos[ROUND_TRIPS / 2]);
    }

    private static ConnectionReport failure(String errorClass, String message, List<CheckStep> steps) {
        return new ConnectionReport(false, null, null, null, null, null, null, errorClass, message, steps);
    }
}
