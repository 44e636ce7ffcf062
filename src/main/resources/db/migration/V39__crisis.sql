-- Health crisis (issue 20): the CPTS's crisis plan (versioned), the skills its members declare, a
-- crisis activated (or an exercise), its alerts with each recipient's availability, and its log.

create table crisis_plan_version (
    cpts_id    uuid not null references cpts (id),
    version    integer not null check (version >= 1),
    content    jsonb not null,
    note       text check (length(note) <= 500),
    created_by uuid references user_account (id),
    created_at timestamptz not null default now(),
    primary key (cpts_id, version)
);

-- the yearly review: when the referent and coordinators were last reminded to review the plan
create table crisis_plan_review (
    cpts_id     uuid primary key references cpts (id),
    reminded_at timestamptz not null
);

-- what each member says they can do in a crisis
create table crisis_skill (
    cpts_id    uuid not null references cpts (id),
    user_id    uuid not null references user_account (id),
    skills     text[] not null default '{}',
    updated_at timestamptz not null default now(),
    primary key (cpts_id, user_id)
);

create table crisis (
    id            uuid primary key,
    cpts_id       uuid not null references cpts (id),
    kind          text not null,
    level         integer not null check (level between 1 and 3),
    exercise      boolean not null,
    title         text not null check (length(title) between 1 and 200),
    area_communes text[] not null default '{}',
    plan_version  integer not null,
    status        text not null default 'ACTIVE' check (status in ('ACTIVE', 'CLOSED')),
    activated_by  uuid references user_account (id),
    activated_at  timestamptz not null default now(),
    closed_by     uuid references user_account (id),
    closed_at     timestamptz,
    review        text check (length(review) <= 20000)
);
create index crisis_cpts on crisis (cpts_id, activated_at desc);

create table crisis_alert (
    id             uuid primary key,
    crisis_id      uuid not null references crisis (id),
    message        text not null check (length(message) between 1 and 2000),
    target         jsonb not null,
    status         text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    remind_after   integer not null default 30 check (remind_after between 5 and 1440),
    recipients     integer not null default 0,
    created_by     uuid references user_account (id),
    created_at     timestamptz not null default now(),
    delivered_at   timestamptz,
    closed_at      timestamptz
);
create index crisis_alert_crisis on crisis_alert (crisis_id, created_at desc);

create table crisis_alert_recipient (
    alert_id        uuid not null references crisis_alert (id),
    user_id         uuid not null references user_account (id),
    label           text not null,
    profession      text,
    commune_code    text,
    commune_name    text,
    notified_at     timestamptz,
    answer          text check (answer in ('NOW', 'WITHIN_24H', 'UNAVAILABLE')),
    answered_at     timestamptz,
    reminded_at     timestamptz,
    primary key (alert_id, user_id)
);
create index crisis_alert_recipient_pending on crisis_alert_recipient (alert_id) where notified_at is null;
create index crisis_alert_recipient_user on crisis_alert_recipient (user_id);

-- the main courante: entries are added, never changed; a correction is a new entry pointing to the old one
create table crisis_log_entry (
    id           uuid primary key,
    crisis_id    uuid not null references crisis (id),
    seq          integer not null,
    kind         text not null check (kind in ('DECISION', 'INFORMATION', 'REQUEST', 'ACTION')),
    text         text not null check (length(text) between 1 and 5000),
    corrects     uuid references crisis_log_entry (id),
    author_id    uuid references user_account (id),
    author_label text not null,
    at           timestamptz not null default now(),
    unique (crisis_id, seq)
);

create function crisis_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the crisis log is append-only: % refused', tg_op using errcode = 'P0001';
end $$;
create trigger crisis_log_entry_append_only before update or delete on crisis_log_entry
    for each row execute function crisis_log_is_append_only();
