-- Where a run came from (source) and what it ran against (labels): commit, branch, version and environment
-- have columns of their own (the history filters and baselines use them); the other labels are free key=value pairs.
alter table runs add column source text check (source in ('dashboard', 'api', 'cli-upload', 'schedule'));
alter table runs add column git_commit text;
alter table runs add column git_branch text;
alter table runs add column version text;
alter table runs add column environment_name text;
alter table runs add column labels jsonb not null default '{}'::jsonb;
-- the history of a scenario: its completed runs in time order, per branch
create index runs_history_idx on runs (scenario_id, git_branch, queued_at) where status = 'completed';
create index runs_labels_idx on runs using gin (labels jsonb_path_ops);

-- A scenario made by an upload (benchdeck run --upload) whose name matched none: it holds history only, nothing runs it.
alter table scenarios add column history_only boolean not null default false;

-- The regression tests a scenario's runs are checked with (absent: the documented defaults).
create table detection_settings (
    scenario_id bigint      primary key references scenarios (id) on delete cascade,
    settings    jsonb       not null,
    updated_by  text,
    updated_at  timestamptz not null default now()
);

-- What a regression test found on a run: one row per run, step, metric and test that fired.
create table run_alerts (
    id            bigint generated always as identity primary key,
    run_id        bigint           not null references runs (id) on delete cascade,
    scenario_id   bigint           references scenarios (id) on delete cascade,
    step_index    int              not null,
    step_label    text             not null,
    metric        text             not null,
    test          text             not null check (test in ('static', 'percentage', 'z_score', 't_test', 'iqr', 'change_point')),
    value         double precision not null,
    baseline      double precision,
    details       jsonb            not null default '{}'::jsonb,
    message       text             not null,
    status        text             not null default 'open' check (status in ('open', 'acknowledged', 'false_positive')),
    status_by     text,
    status_by_id  bigint           references users (id) on delete set null,
    status_at     timestamptz,
    status_reason text,
    created_at    timestamptz      not null default now(),
    unique (run_id, step_index, metric, test)
);
create index run_alerts_scenario_idx on run_alerts (scenario_id, created_at desc);
create index run_alerts_open_idx on run_alerts (created_at desc) where status = 'open';

-- A step's figures without its histograms and error samples (a few hundred bytes instead of tens of kB), kept beside
-- the result so that a history of 1,000 runs reads no histogram: label, counts, rates, each distribution's summary.
create function step_figures(result jsonb) returns jsonb language sql immutable as $$
    select jsonb_strip_nulls(jsonb_build_object(
        'label', result -> 'label',
        'requests', result -> 'requests',
        'throughput', result -> 'throughput',
        'error_rate', result -> 'error_rate',
        'goodput', result #> '{stream,goodput}',
        'output_tokens_per_second', result #> '{stream,output_tokens_per_second}',
        'counts', result -> 'counts',
        'latencies', (select jsonb_object_agg(e.key, e.value -> 'summary') from jsonb_each(
            case when jsonb_typeof(result -> 'latencies') = 'object' then result -> 'latencies' else '{}'::jsonb end) e)))
$$;
alter table run_steps add column figures jsonb generated always as (step_figures(result)) stored;
