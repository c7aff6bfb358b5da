-- Which parts of the built-in demo were created (each once), and the target each one made.
create table demo_content (
    name       text        primary key,
    target_id  bigint      references targets (id) on delete set null,
    created_at timestamptz not null default now()
);
