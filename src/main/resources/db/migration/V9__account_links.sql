-- Who acts for whom (module directory): a user account linked to the professional it is, or to
-- the structures it acts for (an MSP's secretary). user_id and cpts_id refer to other modules'
-- tables without a foreign key.
create table account_link_directory (
    id                  uuid primary key,
    user_id             uuid not null,
    practitioner_id     uuid references practitioner (id),
    organization_id     uuid references organization (id),
    cpts_id             uuid,                  -- the CPTS whose coordinator linked or approves; null for an administrator's link
    status              text not null check (status in ('UNCONFIRMED', 'PENDING', 'ACTIVE', 'REFUSED', 'ENDED')),
    origin              text not null check (origin in ('COORDINATOR', 'CLAIM')),
    confirm_hash        bytea unique,          -- claims: SHA-256 of the one-time confirmation link
    confirm_email       text,                  -- where the confirmation went
    confirm_via         text check (confirm_via in ('DIRECTORY', 'ACCOUNT')),
    confirm_expires_at  timestamptz,
    confirmed_at        timestamptz,
    created_by          uuid not null,
    created_at          timestamptz not null default now(),
    decided_by          uuid,
    decided_at          timestamptz,
    decision_note       text,
    check ((practitioner_id is null) <> (organization_id is null))
);
-- one account is one professional, and a professional has one account
create unique index account_link_one_practitioner_per_user on account_link_directory (user_id)
    where practitioner_id is not null and status in ('UNCONFIRMED', 'PENDING', 'ACTIVE');
create unique index account_link_one_user_per_practitioner on account_link_directory (practitioner_id)
    where status = 'ACTIVE';
create unique index account_link_staff on account_link_directory (user_id, organization_id)
    where organization_id is not null and status = 'ACTIVE';
create index account_link_cpts_pending on account_link_directory (cpts_id) where status = 'PENDING';
