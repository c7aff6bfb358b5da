-- The server replicas sharing this database, with the address their peers forward agents' calls to (issue 17).
create table server_replicas (
    name      text        primary key,
    url       text        not null,
    started_at timestamptz not null default now(),
    seen_at   timestamptz not null default now()
);
