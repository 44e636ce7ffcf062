-- Prevention (module prevention): events with registration, for professionals or the public.

create table prevention_event (
    id           uuid primary key,
    cpts_id      uuid not null references cpts (id),
    title        text not null check (length(title) between 1 and 200),
    description  text check (length(description) <= 4000),
    -- who may register: the CPTS's members (signed in), professionals (the link), the public (listed on the public page)
    audience     text not null check (audience in ('MEMBERS', 'PROFESSIONALS', 'PUBLIC')),
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    place        text not null check (length(place) between 1 and 200),
    address      text check (length(address) <= 300),
    commune_code text,
    capacity     integer not null check (capacity between 1 and 100000),
    status       text not null default 'OPEN' check (status in ('OPEN', 'CLOSED', 'CANCELLED')),
    -- positions handed out so far, and places taken: a registration takes both in one short update of this row
    taken        bigint not null default 0,
    registered   integer not null default 0,
    created_by   uuid references user_account (id),
    created_at   timestamptz not null default now(),
    version      integer not null default 0,
    check (ends_at > starts_at)
);
create index prevention_event_cpts on prevention_event (cpts_id, starts_at);

-- A registration: registered within the capacity, or waiting in the order of arrival (position).
create table event_registration (
    id            uuid primary key,
    event_id      uuid not null references prevention_event (id),
    -- the order of arrival within the event, given with the place (or not) under the event row's lock
    position      bigint not null,
    name          text not null check (length(name) between 1 and 200),
    email         text not null check (length(email) <= 320),
    phone         text,
    profession    text check (length(profession) <= 100),
    user_id       uuid references user_account (id),
    status        text not null check (status in ('REGISTERED', 'WAITING', 'CANCELLED')),
    consent_at    timestamptz not null,
    registered_at timestamptz not null default now(),
    promoted_at   timestamptz,
    cancelled_at  timestamptz,
    attended_at   timestamptz,
    reminded_at   timestamptz
);
-- the same person (e-mail) once per event while the registration stands
create unique index event_registration_once on event_registration (event_id, lower(email)) where status <> 'CANCELLED';
create unique index event_registration_position on event_registration (event_id, position);
create index event_registration_event on event_registration (event_id, status, position);

-- The hashes of the links sent to a registrant (each e-mail its own link, any of them valid while the registration stands).
create table event_registration_token (
    token_hash      bytea primary key,
    -- checked at commit: the link is written before the registration, so the event's row stays locked for as short as possible
    registration_id uuid not null references event_registration (id) deferrable initially deferred,
    created_at      timestamptz not null default now()
);

-- Anti-abuse for public forms without a third-party captcha, shared by the modules that have one.
create table public_submission (
    scope        text not null,
    address_hash bytea not null,
    at           timestamptz not null default now()
);
create index public_submission_recent on public_submission (scope, address_hash, at);
drop table gp_public_submission;
