-- Announcements (module notifications): a coordinator writes to an audience, may ask for an
-- acknowledgement and an availability answer, and follows who read and who answered.
create table announcement (
    id                 uuid primary key,
    cpts_id            uuid not null,
    author_id          uuid not null,
    title              text not null,
    body               text not null,
    audience           text not null,          -- code of the audience source
    audience_param     text,                   -- its parameter (a profession code, communes…)
    audience_label     text not null,          -- as shown on the dashboard
    ask_ack            boolean not null default false,
    ask_availability   boolean not null default false,
    urgent             boolean not null default false,
    created_at         timestamptz not null default now()
);
create index announcement_cpts on announcement (cpts_id, created_at desc);

-- One row per recipient: an account, or an e-mail address alone (outreach to professionals of the
-- directory without an account), who acknowledges through a one-time link.
create table announcement_recipient (
    id               uuid primary key,
    announcement_id  uuid not null references announcement (id),
    user_id          uuid,
    email            text,
    label            text not null,           -- name shown on the dashboard
    token_hash       bytea unique,             -- e-mail-only recipients: their acknowledgement link
    read_at          timestamptz,
    acknowledged_at  timestamptz,
    availability     text check (availability in ('AVAILABLE', 'UNAVAILABLE', 'AVAILABLE_FROM')),
    available_from   timestamptz,
    answered_at      timestamptz,
    reminded_at      timestamptz,
    check (user_id is not null or email is not null)
);
create index announcement_recipient_announcement on announcement_recipient (announcement_id);
create unique index announcement_recipient_user on announcement_recipient (announcement_id, user_id) where user_id is not null;
create index announcement_recipient_user_all on announcement_recipient (user_id);
