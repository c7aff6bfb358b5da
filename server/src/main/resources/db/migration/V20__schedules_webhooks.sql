-- Cron schedules per scenario; the ticker fires those whose next_fire_at has come (docs/schedules.md).
create table schedules (
    id            bigint generated always as identity primary key,
    scenario_id   bigint      not null references scenarios (id) on delete cascade,
    cron          text        not null,
    time_zone     text        not null,
    missed        text        not null default 'run_once' check (missed in ('run_once', 'skip')),
    paused        boolean     not null default false,
    next_fire_at  timestamptz,
    last_fire_at  timestamptz,
    last_run_id   bigint      references runs (id) on delete set null,
    last_problem  text,
    missed_fires  bigint      not null default 0,
    created_by_id bigint      references users (id) on delete set null,
    created_by    text,
    created_at    timestamptz not null default now()
);
create index schedules_scenario_idx on schedules (scenario_id);
create index schedules_due_idx on schedules (next_fire_at) where not paused;
alter table runs add column schedule_id bigint references schedules (id) on delete set null;

-- Webhooks: where to tell about run ends, failed thresholds and regression alerts. The secret signs each body.
create table webhooks (
    id            bigint generated always as identity primary key,
    name          text        not null,
    url           text        not null,
    format        text        not null check (format in ('json', 'slack')),
    events        text[]      not null,
    enabled       boolean     not null default true,
    secret        bytea       not null,
    created_by_id bigint      references users (id) on delete set null,
    created_at    timestamptz not null default now()
);

-- One notification to one webhook, with its attempts: pending until delivered or out of attempts.
create table webhook_deliveries (
    id              bigint generated always as identity primary key,
    webhook_id      bigint      not null references webhooks (id) on delete cascade,
    event           text        not null,
    run_id          bigint,
    body            text        not null,
    status          text        not null check (status in ('pending', 'delivered', 'failed')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz,
    last_status     int,
    last_error      text,
    last_answer     text,
    created_at      timestamptz not null default now(),
    delivered_at    timestamptz
);
create index webhook_deliveries_hook_idx on webhook_deliveries (webhook_id, id desc);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending';
