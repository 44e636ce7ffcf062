-- Machine clients of the APIs (OAuth2 client credentials), one CPTS each (module accounts). A client
-- acts as a service account: a user without password, member of its CPTS, whose short-lived bearer
-- tokens the token endpoint issues. cpts_id without a foreign key: modules do not reach into each other's tables.
create table api_client (
    id           uuid primary key,
    cpts_id      uuid not null,
    name         text not null,
    client_id    text not null unique,
    secret_hash  bytea not null,
    user_id      uuid not null unique references user_account (id),
    created_by   uuid not null references user_account (id),
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_client_cpts on api_client (cpts_id, created_at);
