-- The target's own figures during a run (a gateway's stage times, PostgreSQL's pg_stat_*), one sample a
-- second on the run's time axis (elapsed_seconds as in run_intervals' snapshots), written as it is taken.
create table run_telemetry (
    run_id          bigint           not null references runs (id) on delete cascade,
    seq             int              not null,
    elapsed_seconds double precision not null,
    recorded_at     timestamptz      not null default now(),
    source          text             not null,
    metrics         jsonb            not null,
    primary key (run_id, seq)
);
