-- Users who sign in through OIDC, linked by their provider's (issuer, subject), never by a username or
-- email, which the provider's users may be able to choose. Their password hash is of a random secret no one knows.
create table user_identities (
    issuer     text        not null,
    subject    text        not null,
    user_id    bigint      not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (issuer, subject)
);
create index user_identities_user_idx on user_identities (user_id);
