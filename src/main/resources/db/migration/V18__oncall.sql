-- On-call duty (module oncall): rosters, their shifts, swaps; and the calendar feed secrets (accounts).
create table oncall_roster (
    id              uuid primary key,
    cpts_id         uuid not null references cpts (id),
    kind            text not null check (kind in ('PHARMACIE', 'INFIRMIER', 'MEDECIN', 'DENTISTE', 'KINE')),
    name            text not null check (length(name) between 1 and 200),
    -- the communes the sector covers; empty: the whole territory of the CPTS
    sector_communes text[] not null default '{}',
    pattern         text not null check (pattern in ('DAILY', 'WEEKLY', 'SUNDAYS_HOLIDAYS', 'SATURDAYS', 'WEEKENDS_HOLIDAYS')),
    shift_start     time not null,
    -- at or before the start: the turn ends the next day (09:00 → 09:00 is a 24-hour turn)
    shift_end       time not null,
    public_phone    text check (length(public_phone) <= 40),
    public_note     text check (length(public_note) <= 500),
    active          boolean not null default true,
    created_by      uuid references user_account (id),
    created_at      timestamptz not null default now()
);
create index oncall_roster_cpts on oncall_roster (cpts_id) where active;

-- people the coordinator delegates a roster to (the professional association that runs it)
create table oncall_roster_manager (
    roster_id uuid not null references oncall_roster (id),
    user_id   uuid not null references user_account (id),
    primary key (roster_id, user_id)
);

create table oncall_shift (
    id               uuid primary key,
    roster_id        uuid not null references oncall_roster (id),
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    practitioner_id  uuid references practitioner (id),
    organization_id  uuid references organization (id),
    assignee_label   text,
    -- what the public page and the printed planning show, as the directory had it when assigned
    assignee_address text,
    assignee_commune text,
    assignee_phone   text,
    -- set once the coordinators were told nobody is on duty: the gap job alerts once per shift
    gap_notified_at  timestamptz,
    updated_at       timestamptz not null default now(),
    unique (roster_id, starts_at),
    check (ends_at > starts_at),
    check (practitioner_id is null or organization_id is null),
    check ((practitioner_id is null and organization_id is null) = (assignee_label is null))
);
create index oncall_shift_time on oncall_shift (starts_at);
create index oncall_shift_p on oncall_shift (practitioner_id, starts_at) where practitioner_id is not null;
create index oncall_shift_o on oncall_shift (organization_id, starts_at) where organization_id is not null;
create index oncall_shift_gaps on oncall_shift (starts_at) where practitioner_id is null and organization_id is null;

-- a swap: the one on duty for shift_a gives it to the one on duty for shift_b and takes theirs;
-- both consents are recorded (by themselves, or by a coordinator who collected it, with a note)
create table oncall_swap (
    id                 uuid primary key,
    shift_a            uuid not null references oncall_shift (id),
    shift_b            uuid not null references oncall_shift (id),
    a_practitioner_id  uuid,
    a_organization_id  uuid,
    b_practitioner_id  uuid,
    b_organization_id  uuid,
    status             text not null check (status in ('PROPOSED', 'ACCEPTED', 'REFUSED', 'CANCELLED')),
    requested_by       uuid not null references user_account (id),
    a_consent_note     text check (length(a_consent_note) <= 500),
    decided_by         uuid references user_account (id),
    b_consent_note     text check (length(b_consent_note) <= 500),
    note               text check (length(note) <= 500),
    created_at         timestamptz not null default now(),
    decided_at         timestamptz,
    check (shift_a <> shift_b),
    check ((status = 'PROPOSED') = (decided_at is null))
);
-- a shift is in one open proposal at a time
create unique index oncall_swap_open_a on oncall_swap (shift_a) where status = 'PROPOSED';
create unique index oncall_swap_open_b on oncall_swap (shift_b) where status = 'PROPOSED';

-- the secret address of a person's calendar feed (iCalendar); only its hash is kept
create table calendar_feed (
    user_id     uuid primary key references user_account (id),
    secret_hash text not null unique,
    created_at  timestamptz not null default now()
);
