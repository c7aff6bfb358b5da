-- Systems under test. Credentials are AES-GCM encrypted by the server and never returned.
create table targets (
    id          bigint generated always as identity primary key,
    name        text        not null,
    kind        text        not null default 'http',
    url         text        not null,
    options     jsonb       not null default '{}'::jsonb,
    credentials bytea,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

-- A named plan (without name and target) against a target.
create table scenarios (
    id          bigint generated always as identity primary key,
    name        text        not null,
    description text        not null default '',
    target_id   bigint      not null references targets (id),
    plan_yaml   text        not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index scenarios_target_idx on scenarios (target_id);

-- One execution of a plan. Names are copied so that a run outlives its scenario and target.
create table runs (
    id                bigint generated always as identity primary key,
    scenario_id       bigint      references scenarios (id) on delete set null,
    scenario_name     text        not null,
    target_id         bigint      references targets (id) on delete set null,
    target_name       text        not null,
    status            text        not null check (status in ('queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted')),
    plan_yaml         text        not null,
    created_by        text        not null,
    queued_at         timestamptz not null default now(),
    started_at        timestamptz,
    ended_at          timestamptz,
    environment       jsonb,
    overall           jsonb,
    verdicts          jsonb,
    failure           text,
    thresholds_passed boolean,
    requests          bigint,
    throughput        double precision,
    error_rate        double precision,
    p50_ms            double precision,
    p95_ms            double precision,
    p99_ms            double precision
);
create index runs_queued_at_idx on runs (queued_at desc, id desc);
create index runs_status_idx on runs (status, queued_at desc);
create index runs_scenario_idx on runs (scenario_id, queued_at desc);
create index runs_target_idx on runs (target_id, queued_at desc);

-- Each step's result (counts, latency summaries and encoded histograms), written as the step ends.
create table run_steps (
    run_id     bigint  not null references runs (id) on delete cascade,
    step_index int     not null,
    result     jsonb   not null,
    primary key (run_id, step_index)
);

-- The 1-second series, written as each interval arrives so that a crash keeps them.
create table run_intervals (
    run_id   bigint not null references runs (id) on delete cascade,
    seq      int    not null,
    snapshot jsonb  not null,
    primary key (run_id, seq)
);

create table run_errors (
    run_id      bigint           not null references runs (id) on delete cascade,
    seq         int              not null,
    error_class text             not null,
    message     text             not null,
    at_seconds  double precision not null,
    primary key (run_id, seq)
);

-- db-scheduler's table (its PostgreSQL schema).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
