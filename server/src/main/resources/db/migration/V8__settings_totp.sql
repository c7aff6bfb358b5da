-- Server-wide settings an admin changes at run time (one row).
create table settings (
    id                boolean primary key default true check (id),
    self_registration boolean not null default false,
    require_totp      boolean not null default false
);
insert into settings default values;

-- TOTP recovery codes, each usable once; only their SHA-256 is kept.
create table totp_recovery_codes (
    user_id   bigint not null references users (id) on delete cascade,
    code_hash bytea  not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);

-- The time step of the last TOTP code used, so that a code works only once.
alter table users add column totp_last_step bigint;
