package dev.benchdeck.server.result;

import dev.benchdeck.engine.result.ErrorSample;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A run's steps, intervals and error samples, stored as JSON in the engine's own shape. */
@Repository
public class ResultRepository {

    private final JdbcClient jdbc;

    ResultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertInterval(long runId, int seq, String snapshotJson) {
        jdbc.sql("insert into run_intervals (run_id, seq, snapshot) values (:run, :seq, cast(:snapshot as jsonb))")
                .param("run", runId).param("seq", seq).param("snapshot", snapshotJson).update();
    }

    public void insertStep(long runId, int index, String resultJson) {
        jdbc.sql("""
                        insert into run_steps (run_id, step_index, result) values (:run, :index, cast(:result as jsonb))
                        on conflict (run_id, step_index) do update set result = excluded.result""")
                .param("run", runId).param("index", index).param("result", resultJson).update();
    }

    public void insertErrors(long runId, int firstSeq, List<ErrorSample> samples) {
        int seq = firstSeq;
        for (ErrorSample sample : samples) {
            jdbc.sql("""
                            insert into run_errors (run_id, seq, error_class, message, at_seconds)
                            values (:run, :seq, :class, :message, :at) on conflict do nothing""")
                    .param("run", runId).param("seq", seq++).param("class", sample.errorClass())
                    .param("message", sample.message()).param("at", sample.atSeconds()).update();
        }
    }

    /** The intervals as JSON objects, in order. */
    public List<String> intervals(long runId) {
        return jdbc.sql("select snapshot::text from run_intervals where run_id = :run order by seq")
                .param("run", runId).query(String.class).list();
    }

    /** The steps as one JSON array, in order. */
    public String stepsArray(long runId) {
        return jdbc.sql("select coalesce(json_agg(result order by step_index), '[]'::json)::text from run_steps where run_id = :run")
                .param("run", runId).query(String.class).single();
    }

    public List<ErrorSample> errors(long runId) {
        return jdbc.sql("select error_class, message, at_seconds from run_errors where run_id = :run order by seq")
                .param("run", runId)
                .query((rs, row) -> new ErrorSample(rs.getString(1), rs.getString(2), rs.getDouble(3))).list();
    }

    public static String array(List<String> objects) {
        return "[" + String.join(",", objects) + "]";
    }
}
