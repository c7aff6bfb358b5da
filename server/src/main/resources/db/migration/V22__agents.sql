-- Load agents (benchdeck agent) and the shards of runs split over them (issue 17).
create table agents (
    id               bigint generated always as identity primary key,
    name             text        not null,
    labels           jsonb       not null default '{}',
    cores            integer     not null,
    memory_bytes     bigint      not null,
    version          text        not null,
    registered_by    bigint      references users (id) on delete set null,
    registered_at    timestamptz not null default now(),
    last_heartbeat   timestamptz not null default now(),
    clock_offset_us  bigint,
    round_trip_us    bigint,
    current_run      bigint      references runs (id) on delete set null,
    current_shard    integer
);
create index agents_heartbeat on agents (last_heartbeat);

create table run_shards (
    run_id           bigint      not null references runs (id) on delete cascade,
    shard_index      integer     not null,
    shard_count      integer     not null,
    agent_id         bigint      references agents (id) on delete set null,
    agent_name       text        not null,
    status           text        not null check (status in ('assigned', 'running', 'finished', 'failed', 'lost')),
    clock_offset_us  bigint,
    round_trip_us    bigint,
    assigned_at      timestamptz not null default now(),
    ended_at         timestamptz,
    failure          text,
    result           jsonb,
    primary key (run_id, shard_index)
);
