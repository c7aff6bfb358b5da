-- Personal API tokens: only the SHA-256 of the token is kept, with its first 8 characters to recognise it.
create table api_tokens (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references users (id) on delete cascade,
    name         text        not null,
    prefix       text        not null,
    token_hash   bytea       not null unique,
    scopes       text[]      not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);
