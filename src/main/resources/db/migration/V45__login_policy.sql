-- What a CPTS asks of the login of its people (module accounts): the roles that must sign in with
-- Pro Santé Connect (a card, not a password) because they see patient data. No foreign key to cpts:
-- modules do not reach into each other's tables.
create table cpts_login_policy (
    cpts_id            uuid primary key,
    psc_required_roles text[] not null default '{}',
    updated_by         uuid references user_account (id),
    updated_at         timestamptz not null default now()
);
