package dev.benchdeck.driver.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.driver.jdbc.JdbcPlans;
import dev.benchdeck.driver.jdbc.JdbcSpec;
import dev.benchdeck.engine.plan.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanValidationTest {

    private static final String TARGET = "{host: db, database: app, user: bench}";

    @TempDir
    Path dir;

    private static JdbcPlans.Parsed workload(String yaml) {
        return JdbcPlans.parse(TARGET, yaml);
    }

    private static String problem(JdbcPlans.Parsed parsed, String path) {
        return parsed.problems().stream().filter(p -> p.path().equals(path)).map(Problem::message).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + path + " in " + parsed.problems()));
    }

    @Test
    void defaultsFollowTheDocumentedPlan() {
        JdbcSpec spec = JdbcPlans.parse("{host: db, database: app, user: bench, password_env: PGPASSWORD}",
                "{driver: jdbc}").jdbc();
        JdbcTarget target = spec.target();
        assertThat(target.port()).isEqualTo(5432);
        assertThat(target.sslmode()).isEqualTo("prefer");
        assertThat(target.passwordEnv()).isEqualTo("PGPASSWORD");
        assertThat(target.pool().size()).isNull();
        assertThat(target.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        JdbcWorkload w = spec.workload();
        assertThat(w.table()).isEqualTo("benchdeck_accounts");
        assertThat(w.rows()).isEqualTo(1_000_000);
        assertThat(w.batchSize()).isEqualTo(Integer.MAX_VALUE); // one COPY for all rows
        assertThat(w.setup()).isEqualTo(SetupMode.REUSE);
        assertThat(w.teardown()).isFalse();
        assertThat(w.prepared()).isTrue();
        assertThat(w.statementTimeout()).isNull();
        assertThat(w.mix()).isEqualTo(Map.of(OperationKind.POINT_SELECT, 1));
        assertThat(w.keys().zipfian()).isFalse();
        assertThat(w.rangeSize()).isEqualTo(100);
        assertThat(w.insertBatch()).isEqualTo(100);
    }

    @Test
    void everyTargetProblemIsReportedWithItsPath() {
        JdbcPlans.Parsed parsed = JdbcPlans.parse("{port: 70000, sslmode: sometimes, password: x, password_env: 'A-B',"
                + " connect_timeout: 10ms, pool: {size: 0, overflow: -1, max_lifetime: 1s, acquire_timeout: 1ms, colour: red},"
                + " hots: x}", "{driver: jdbc}");
        assertThat(parsed.paths()).contains("target.host", "target.database", "target.user", "target.port",
                "target.sslmode", "target.password_env", "target", "target.connect_timeout", "target.pool.size",
                "target.pool.overflow", "target.pool.max_lifetime", "target.pool.acquire_timeout", "target.pool.colour",
                "target.hots");
        assertThat(problem(parsed, "target")).contains("at most one of password, password_env and lakebase");
        assertThat(problem(parsed, "target.sslmode")).contains("verify-full");
    }

    @Test
    void lakebaseNeedsAWorkspaceAndExactlyOneDatabase() {
        JdbcPlans.Parsed parsed = JdbcPlans.parse("{host: h, database: d, user: u, password: p,"
                + " lakebase: {instance: a, endpoint: 'projects/p/branches/b', client_id: c}}", "{driver: jdbc}");
        assertThat(parsed.paths()).contains("target", "target.lakebase.workspace_url", "target.lakebase",
                "target.lakebase.endpoint", "target.lakebase.client_id");
        JdbcTarget ok = JdbcPlans.parse("{host: h, database: d, user: u, lakebase: {workspace_url: 'https://w.example',"
                + " endpoint: projects/p/branches/b/endpoints/e, token: t}}", "{driver: jdbc}").jdbc().target();
        assertThat(ok.lakebase().endpoint()).isEqualTo("projects/p/branches/b/endpoints/e");
        assertThat(ok.toString()).doesNotContain("t}").contains("token=***");
    }

    @Test
    void everyWorkloadProblemIsReportedWithItsPath() {
        JdbcPlans.Parsed parsed = workload("{driver: jdbc, table: 'Accounts; drop', rows: 999, batch_size: 0,"
                + " setup: maybe, statement_timeout: 0s, operation: scan, keys: pareto, range_size: 0,"
                + " insert_batch: 20000, params: [{uniform: [1, 2]}], extra: 1}");
        assertThat(parsed.paths()).contains("workload.table", "workload.rows", "workload.batch_size", "workload.setup",
                "workload.statement_timeout", "workload.operation", "workload.keys", "workload.range_size",
                "workload.insert_batch", "workload.params", "workload.extra");
        assertThat(problem(parsed, "workload.rows")).isEqualTo("must be ≥ 1000");
        assertThat(problem(parsed, "workload.operation")).contains("point_select").contains("custom");
    }

    @Test
    void mixWeightsAreChecked() {
        JdbcPlans.Parsed parsed = workload("{driver: jdbc, operation: update, mix: {point_select: -1, scan: 5, custom: 3}}");
        assertThat(parsed.paths()).contains("workload.mix", "workload.mix.point_select", "workload.mix.scan",
                "workload.mix.custom");
        assertThat(problem(parsed, "workload.mix.scan")).startsWith("unknown operation");
        assertThat(problem(parsed, "workload.mix.custom")).contains("workload.sql");
        assertThat(problem(workload("{driver: jdbc, mix: {update: 0}}"), "workload.mix"))
                .contains("at least one operation with a weight above 0");
        assertThat(workload("{driver: jdbc, mix: {point_select: 80, update: 20}}").jdbc().workload().mix())
                .isEqualTo(Map.of(OperationKind.POINT_SELECT, 80, OperationKind.UPDATE, 20));
    }

    @Test
    void customNeedsSqlAndWellFormedGenerators() {
        assertThat(problem(workload("{driver: jdbc, operation: custom}"), "workload.sql")).contains("required");
        assertThat(problem(workload("{driver: jdbc, sql: 'select 1'}"), "workload.sql")).contains("only used by");
        JdbcPlans.Parsed parsed = workload("{driver: jdbc, operation: custom, sql: 'select ?', params: ["
                + "{uniform: [5, 1]}, {zipfian: [1, 10], skew: 11}, {sequence: x}, {file: missing.csv},"
                + " {uniform: [1, 2], sequence: 1}, {uniform: [1, 2], skew: 0.5}]}");
        assertThat(parsed.paths()).contains("workload.params[0].uniform", "workload.params[1].skew",
                "workload.params[2].sequence", "workload.params[3].file", "workload.params[4]",
                "workload.params[5].skew");
        assertThat(problem(parsed, "workload.params[3].file")).contains("no such file");
    }

    @Test
    void fileParametersReadACsvColumnOrPlainLines() throws Exception {
        Path csv = Files.writeString(dir.resolve("ids.csv"), "name,id\n\"a, b\",17\nc,42\n");
        Path lines = Files.writeString(dir.resolve("names.txt"), "alice\n\nbob\n");
        JdbcWorkload w = workload("{driver: jdbc, operation: custom, sql: 'select ?, ?', params: [{file: '" + csv
                + "', column: id}, {file: '" + lines + "'}]}").jdbc().workload();
        assertThat(((ParamSpec.FromFile) w.params().get(0)).values()).containsExactly(17L, 42L);
        assertThat(((ParamSpec.FromFile) w.params().get(1)).values()).containsExactly("alice", "bob");
        JdbcPlans.Parsed wrongColumn = workload("{driver: jdbc, operation: custom, sql: 'select ?', params: [{file: '"
                + csv + "', column: nope}]}");
        assertThat(problem(wrongColumn, "workload.params[0].column")).contains("no column 'nope'").contains("name, id");
    }

    @Test
    void zipfianKeysTakeAPositiveSkew() {
        assertThat(workload("{driver: jdbc, keys: zipfian, skew: 0.8}").jdbc().workload().keys())
                .isEqualTo(new KeySpec(true, 0.8));
        assertThat(problem(workload("{driver: jdbc, keys: zipfian, skew: 0}"), "workload.skew")).contains("above 0");
        assertThat(problem(workload("{driver: jdbc, skew: 0.5}"), "workload.skew")).contains("keys: zipfian");
    }

    @Test
    void theUrlCarriesTheWorkloadsSessionSettingsAndNoSecret() {
        JdbcSpec spec = JdbcPlans.parse("{host: db, database: 'my db', user: bench, password: s3cret}",
                "{driver: jdbc, statement_timeout: 250ms}").jdbc();
        JdbcTarget target = spec.target().withConnectionProperties(Map.of("prepareThreshold", "1",
                "options", "-c statement_timeout=250"));
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/my%20db?sslmode=prefer"
                + "&options=-c%20statement_timeout%3D250&prepareThreshold=1");
        assertThat(target.jdbcUrl() + target).doesNotContain("s3cret");
    }
}
