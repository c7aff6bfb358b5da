-- People who sign in. Passwords are Argon2id hashes ({argon2@SpringSecurity_v5_8}); the TOTP secret is
-- encrypted with the server's secret key like target credentials.
create table users (
    id                   bigint generated always as identity primary key,
    username             text        not null,
    password_hash        text        not null,
    role                 text        not null check (role in ('viewer', 'editor', 'admin')),
    enabled              boolean     not null default true,
    must_change_password boolean     not null default false,
    totp_secret          bytea,
    totp_enabled         boolean     not null default false,
    created_at           timestamptz not null default now(),
    last_sign_in_at      timestamptz
);
-- usernames are compared case-insensitively (Alice and alice are one account)
create unique index users_username_idx on users (lower(username));

-- The first start's one-time setup link; only the SHA-256 of its token is kept.
create table setup_tokens (
    token_hash bytea       primary key,
    expires_at timestamptz not null,
    used_at    timestamptz
);

-- Spring Session JDBC's tables (its schema-postgresql.sql), created here rather than by Spring's initializer.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);
