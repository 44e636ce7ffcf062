-- Issue 16, accounts: a password reset or change ends the person's other sessions (they were opened
-- before credentials_changed_at) and revokes their API tokens; tokens expire (a year at most).
alter table user_account add column credentials_changed_at timestamptz not null default now();
alter table api_token add column expires_at timestamptz;
update api_token set expires_at = greatest(created_at, now()) + interval '1 year' where expires_at is null;
alter table api_token alter column expires_at set not null;

-- Failed logins are counted per (e-mail, address) and per address: a stranger's five wrong
-- passwords lock the stranger out, not the account's owner.
alter table account_link drop constraint account_link_kind_check;
alter table account_link add constraint account_link_kind_check check (kind in ('INVITATION', 'PASSWORD_RESET', 'UNLOCK'));
