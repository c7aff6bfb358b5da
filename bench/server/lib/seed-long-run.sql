-- bench/server/run.sh detail: one completed 1-hour run with 3,600 one-second intervals and the steps,
-- copied from a real completed run (:template). Each interval is a real interval of the template (a
-- measured one; warm-up for the first 10 s) with the figures changed: elapsed time, a slow wave on
-- throughput and latency, a few errors. So the JSON has exactly the keys and value types the engine
-- writes. Marked created_by = 'bench-long-run'. Prints the new run's id (psql -At).
-- Run with: psql -At -v template=ID -f seed-long-run.sql
\set ON_ERROR_STOP on
\set QUIET on
begin;
insert into runs (scenario_id, scenario_name, target_id, target_name, status, plan_yaml, created_by,
                  queued_at, started_at, ended_at, environment, overall, verdicts, failure, thresholds_passed,
                  requests, throughput, error_rate, p50_ms, p95_ms, p99_ms)
select t.scenario_id, t.scenario_name, t.target_id, t.target_name, 'completed',
       regexp_replace(t.plan_yaml, 'duration: *[0-9a-z]+', 'duration: 3590s'), 'bench-long-run',
       now() - interval '3602 seconds', now() - interval '3601 seconds', now() - interval '1 second',
       t.environment, t.overall, t.verdicts, null, t.thresholds_passed,
       t.requests * 359, t.throughput, t.error_rate, t.p50_ms, t.p95_ms, t.p99_ms
from runs t where t.id = :template
returning id as long_run_id \gset

insert into run_intervals (run_id, seq, snapshot)
select :long_run_id, g - 1,
       (case when g <= 10 then w.snapshot else m.snapshot end) || jsonb_build_object(
           'elapsed_seconds', g + 0.0004 * (g % 7),
           'step_elapsed_seconds', g + 0.0004 * (g % 7),
           'interval_seconds', 1.0 + 0.0001 * (g % 5),
           'completed', v.completed,
           'ok', v.completed - v.errors,
           'errors', v.errors,
           'dropped', 0,
           'throughput', v.completed / (1.0 + 0.0001 * (g % 5)),
           'p50', round(v.p50::numeric, 3),
           'p90', round((v.p50 * 1.8)::numeric, 3),
           'p99', round((v.p50 * 3.5 + (g % 13) * 0.05)::numeric, 3),
           'max', round((v.p50 * 9 + (g % 31) * 0.2)::numeric, 3),
           'in_flight', 10 - (g % 3),
           'users', 10)
from generate_series(1, 3600) g
cross join lateral (
    select (5000 + 900 * sin(g / 300.0) + (g * 7919 % 401) - 200)::bigint as completed,
           case when g % 600 = 0 then 3 else 0 end as errors,
           1.2 + 0.3 * sin(g / 450.0) + (g % 17) * 0.01 as p50
) v
cross join (select snapshot from run_intervals where run_id = :template order by seq limit 1) w
cross join (select snapshot from run_intervals where run_id = :template order by seq desc limit 1) m;

insert into run_steps (run_id, step_index, result)
select :long_run_id, step_index, result from run_steps where run_id = :template;
commit;
analyze run_intervals;
select :long_run_id;
