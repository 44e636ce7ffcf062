-- Users, roles per CPTS, API tokens, invitations, password resets, login throttling (module accounts).
create table user_account (
    id             uuid primary key,
    email          text not null,
    display_name   text not null,
    password_hash  text,
    admin          boolean not null default false,
    enabled        boolean not null default true,
    totp_secret    text,
    totp_enabled   boolean not null default false,
    created_at     timestamptz not null default now()
);
create unique index user_account_email on user_account (lower(email));

-- A role held in one CPTS. cpts_id refers to the cpts module's table without a foreign key:
-- modules do not reach into each other's tables.
create table cpts_role (
    user_id  uuid not null references user_account (id),
    cpts_id  uuid not null,
    role     text not null check (role in ('COORDINATOR', 'MEMBER', 'PARTNER')),
    primary key (user_id, cpts_id, role)
);

create table api_token (
    id            uuid primary key,
    user_id       uuid not null references user_account (id),
    name          text not null,
    token_hash    bytea not null unique,
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create index api_token_user on api_token (user_id);

-- One-time links sent by e-mail: invitations and password resets. Only hashes are stored.
create table account_link (
    id          uuid primary key,
    kind        text not null check (kind in ('INVITATION', 'PASSWORD_RESET')),
    token_hash  bytea not null unique,
    email       text not null,
    cpts_id     uuid,
    role        text,
    created_by  uuid,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz
);

create table login_failure (
    key  text not null,
    at   timestamptz not null default now()
);
create index login_failure_key on login_failure (key, at);
