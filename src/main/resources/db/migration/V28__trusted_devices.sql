-- Issue 16, accounts: the owner of an account that other people's failures keep out unlocks it by
-- an e-mailed link (account_link kind UNLOCK); the browser that followed the link is trusted: its
-- logins are counted on their own, no longer with the account's other failures.
create table trusted_device (
    token_hash bytea primary key,
    user_id uuid not null references user_account (id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
);
create index trusted_device_user on trusted_device (user_id);
