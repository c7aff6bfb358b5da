-- Who did what, when and from where (issue 11). Never a secret in any column; kept for
-- benchdeck.audit.retention (90 days by default), then deleted by a daily job.
create table audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    actor_id    bigint,
    actor_name  text,
    action      text        not null,
    object_type text,
    object_id   text,
    address     text,
    detail      text
);
create index audit_log_at_idx on audit_log (at desc, id desc);
create index audit_log_actor_idx on audit_log (actor_name, at desc);
create index audit_log_action_idx on audit_log (action, at desc);
