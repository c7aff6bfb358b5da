-- bench/server/run.sh list: :n completed runs in one transaction, copied from a real completed run
-- (:template) so that plan_yaml, environment, overall (latency summaries and encoded histograms)
-- and verdicts have the size and shape the engine writes. The runs go round the scenarios that exist
-- (the demo ones), one every 5 minutes back from the template's queue time, with varied figures.
-- Marked created_by = 'bench-seed'. Run with: psql -v n=10000 -v template=ID -f seed-runs.sql
\set ON_ERROR_STOP on
begin;
with sc as (
    select s.id, s.name, s.target_id, t.name as target_name,
           row_number() over (order by s.id) - 1 as k, count(*) over () as m
    from scenarios s join targets t on t.id = s.target_id
)
insert into runs (scenario_id, scenario_name, target_id, target_name, status, plan_yaml, created_by,
                  queued_at, started_at, ended_at, environment, overall, verdicts, failure, thresholds_passed,
                  requests, throughput, error_rate, p50_ms, p95_ms, p99_ms)
select sc.id, sc.name, sc.target_id, sc.target_name, 'completed', t.plan_yaml, 'bench-seed',
       t.queued_at - g * interval '5 minutes',
       t.queued_at - g * interval '5 minutes' + interval '150 milliseconds',
       t.queued_at - g * interval '5 minutes' + interval '12 seconds',
       t.environment, t.overall, t.verdicts, null, (g % 17 <> 0),
       t.requests - (g % 1000), t.throughput * (0.9 + (g % 200) / 1000.0), case when g % 50 = 0 then 0.002 else 0 end,
       t.p50_ms * (0.9 + (g % 21) / 100.0), t.p95_ms * (0.9 + (g % 23) / 100.0), t.p99_ms * (0.9 + (g % 29) / 50.0)
from runs t
cross join generate_series(1, :n) g
join sc on sc.k = g % sc.m
where t.id = :template;
commit;
analyze runs;
select count(*) as runs_stored, pg_size_pretty(pg_total_relation_size('runs')) as runs_table_size from runs;
