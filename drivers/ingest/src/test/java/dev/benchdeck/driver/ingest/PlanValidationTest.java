package dev.benchdeck.driver.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchdeck.engine.driver.DriverException;
import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.plan.InvalidPlanException;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.engine.plan.Problem;
import dev.benchdeck.engine.time.EngineClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad ingest plans: every problem at once, each with its path; unreachable entries and sinks fail at open. */
class PlanValidationTest {

    private static List<String> paths(String target, String workload) {
        return IngestRuns.problems(target, workload).stream().map(Problem::path).toList();
    }

    @Test
    void everyProblemOfTheTargetAndWorkloadIsReportedWithItsPath() {
        List<Problem> problems = IngestRuns.problems("""
                {http: {url: 'ftp://x/messages', format: xml, extra: 1},
                 sink: {url: 'postgresql://h/db', table: 'messages; drop', id_column: 'a b', password: p, password_env: '1X'}}
                """, "{driver: ingest, batch_size: 0, poll_interval: 0ms, grace: 0s, id_prefix: 'has space', colour: red}");

        assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder(
                "target.http.extra", "target.http.url", "target.http.format",
                "target.sink.url", "target.sink", "target.sink.password_env", "target.sink.table", "target.sink.id_column",
                "workload.colour", "workload.batch_size", "workload.poll_interval", "workload.grace", "workload.id_prefix");
        assertThat(problems).filteredOn(p -> p.path().equals("target.sink.url")).first().extracting(Problem::message)
                .asString().contains("jdbc:postgresql://");
    }

    @Test
    void theEntryIsExactlyOneOfHttpRedisAndKafkaAndTheSinkIsRequired() {
        assertThat(paths("{}", "{driver: ingest}")).containsExactlyInAnyOrder("target", "target.sink");
        assertThat(paths("{http: {url: 'http://h/m'}, redis: {url: 'redis://h', stream: s}, sink: {url: 'jdbc:postgresql://h/d'}}",
                "{driver: ingest}")).containsExactly("target");
        assertThat(paths("{redis: {url: 'http://h', stream: s, list: l}, sink: {url: 'jdbc:postgresql://h/d'}}", "{driver: ingest}"))
                .containsExactlyInAnyOrder("target.redis.url", "target.redis");
        assertThat(paths("{redis: {url: 'redis://h', list: l, field: f, encoding: avro}, sink: {url: 'jdbc:postgresql://h/d'}}",
                "{driver: ingest}")).containsExactlyInAnyOrder("target.redis.field", "target.redis.encoding");
        assertThat(paths("{http: {}, sink: {table: t}}", "{driver: ingest}"))
                .containsExactlyInAnyOrder("target.http.url", "target.sink.url");
    }

    @Test
    void aKafkaEntryNeedsBrokersAndAValidTopic() {
        String sink = "sink: {url: 'jdbc:postgresql://h/d'}";
        assertThat(paths("{kafka: {bootstrap: 'h:9092', topic: t}, http: {url: 'http://h/m'}, " + sink + "}", "{driver: ingest}"))
                .containsExactly("target");
        assertThat(paths("{kafka: {}, " + sink + "}", "{driver: ingest}"))
                .containsExactlyInAnyOrder("target.kafka.bootstrap", "target.kafka.topic");
        assertThat(paths("{kafka: {bootstrap: 'kafka://h', topic: 'a/b', encoding: avro, acks: 0, linger: 5}, " + sink + "}",
                "{driver: ingest}")).containsExactlyInAnyOrder("target.kafka.bootstrap", "target.kafka.topic", "target.kafka.encoding",
                "target.kafka.acks", "target.kafka.linger");
        assertThat(paths("{kafka: {bootstrap: 'h:99999', topic: '..'}, " + sink + "}", "{driver: ingest}"))
                .containsExactlyInAnyOrder("target.kafka.bootstrap", "target.kafka.topic");
        IngestSpec spec = IngestRuns.spec("{kafka: {bootstrap: 'a:9092,b:9093', topic: benchdeck-ingest, acks: 1}, " + sink + "}",
                "{driver: ingest}");
        assertThat(spec.entry()).isEqualTo(new dev.benchdeck.driver.ingest.config.EntrySettings.Kafka("a:9092,b:9093", "benchdeck-ingest",
                dev.benchdeck.driver.ingest.config.EntrySettings.ValueEncoding.COMPACT, "1"));
    }

    @Test
    void aGoodPlanHasNoProblemsAndTheDefaultsOfTheIngestorsTable() {
        IngestSpec spec = IngestRuns.spec("{http: {url: 'http://127.0.0.1:8003/messages', format: ndjson},"
                + " sink: {url: 'jdbc:postgresql://127.0.0.1:5432/postgres', password_env: PGPASSWORD}}", "{driver: ingest, batch_size: 100}");

        assertThat(spec.sink().table()).isEqualTo("messages");
        assertThat(spec.sink().idColumn()).isEqualTo("id");
        assertThat(spec.sink().timestampColumn()).isEqualTo("inserted_at");
        assertThat(spec.workload().pollInterval()).hasMillis(5);
        assertThat(spec.workload().batchSize()).isEqualTo(100);
    }

    @Test
    void aWholePlanListsTheDriversProblemsBesideTheThresholds() {
        PlanReader reader = new PlanReader(Drivers.of(new IngestDriverFactory()));
        assertThatThrownBy(() -> reader.read("""
                name: bad
                target: {http: {url: 'http://h/m'}, sink: {url: 'jdbc:postgresql://h/d', timestamp_column: '1st'}}
                workload: {driver: ingest, grace: soon}
                load: {model: open, rate: 10, requests: 5}
                thresholds: ['lost = 0', 'e2e.p99 < 200ms', 'lost < 1ms']
                """, List.of()))
                .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems()).extracting(Problem::path)
                        .containsExactlyInAnyOrder("target.sink.timestamp_column", "workload.grace", "thresholds[2]"));
    }

    @Test
    void anUnreachableSinkOrEntryFailsAtOpenWithWhatIsWrong() throws Exception {
        int closed = dev.benchdeck.engine.testkit.RedisProcess.freePort();
        assertThatThrownBy(() -> IngestRuns.spec("{http: {url: 'http://127.0.0.1:8003/m'}, sink: {url: 'jdbc:postgresql://127.0.0.1:"
                + closed + "/x'}}", "{driver: ingest}").open(EngineClock.system()))
                .isInstanceOf(DriverException.class).hasMessageContaining("cannot connect to the sink");
        String db = TestSink.freshDatabase();
        assertThatThrownBy(() -> IngestRuns.spec("{http: {url: 'http://127.0.0.1:8003/m'}, sink: " + TestSink.sinkYaml(db, "table: nope")
                + "}", "{driver: ingest}").open(EngineClock.system()))
                .isInstanceOf(DriverException.class).hasMessageContaining("nope");
        TestSink.execute(db, "CREATE TABLE messages (id text, inserted_at timestamptz)");
        assertThatThrownBy(() -> IngestRuns.spec("{http: {url: 'http://127.0.0.1:" + closed + "/m'}, sink: " + TestSink.sinkYaml(db, "")
                + "}", "{driver: ingest}").open(EngineClock.system()))
                .isInstanceOf(DriverException.class).hasMessageContaining("cannot reach 127.0.0.1:" + closed);
        assertThatThrownBy(() -> IngestRuns.spec("{redis: {url: 'redis://127.0.0.1:" + closed + "', stream: s}, sink: "
                + TestSink.sinkYaml(db, "") + "}", "{driver: ingest}").open(EngineClock.system()))
                .isInstanceOf(DriverException.class).hasMessageContaining("cannot reach Redis");
    }
}
