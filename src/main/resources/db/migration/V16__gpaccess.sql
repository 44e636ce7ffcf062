-- Access to a médecin traitant (module gpaccess): requests, their history, GP capacity,
-- the priority protocol and the baselines of the indicators.
create table gp_request (
    id                  uuid primary key,
    number              bigserial unique,
    cpts_id             uuid not null references cpts (id),
    patient_id          uuid not null references patient (id),
    source              text not null check (source in ('FORMULAIRE_PUBLIC', 'PROFESSIONNEL', 'IMPORT')),
    filed_by            uuid references user_account (id),
    filed_at            timestamptz not null default now(),
    status              text not null check (status in ('PENDING', 'PROPOSED', 'ACCEPTED', 'DECLARED', 'WITHDRAWN')),
    ald                 boolean not null default false,
    ald_number          integer check (ald_number between 1 and 32),
    c2s                 boolean not null default false,
    situation           text check (situation in ('MT_RETRAITE', 'MT_PARTI', 'NOUVEL_ARRIVANT', 'JAMAIS_EU', 'AUTRE')),
    home_visit          boolean not null default false,
    max_km              numeric(5, 1) not null default 30 check (max_km > 0 and max_km <= 200),
    notes               text check (length(notes) <= 2000),
    possible_duplicate  boolean not null default false,
    practitioner_id     uuid references practitioner (id),
    proposed_at         timestamptz,
    proposal_reason     text,
    answered_at         timestamptz,
    declared_at         timestamptz,
    withdrawn_at        timestamptz,
    withdraw_reason     text,
    version             integer not null default 0,
    check (ald or ald_number is null),
    check ((status in ('PROPOSED', 'ACCEPTED', 'DECLARED')) = (practitioner_id is not null)),
    check (status <> 'DECLARED' or declared_at is not null),
    check (status <> 'WITHDRAWN' or withdrawn_at is not null)
);
create index gp_request_cpts_status on gp_request (cpts_id, status, filed_at);
create index gp_request_practitioner on gp_request (practitioner_id, status) where practitioner_id is not null;
create index gp_request_patient on gp_request (patient_id);

create table gp_request_event (
    id              bigserial primary key,
    request_id      uuid not null references gp_request (id),
    at              timestamptz not null default now(),
    kind            text not null,
    practitioner_id uuid references practitioner (id),
    actor_id        uuid references user_account (id),
    note            text
);
create index gp_request_event_request on gp_request_event (request_id, at);

create table gp_capacity (
    cpts_id          uuid not null references cpts (id),
    practitioner_id  uuid not null references practitioner (id),
    new_patients     integer not null check (new_patients between 0 and 500),
    period           text not null check (period in ('MONTH', 'QUARTER')),
    radius_km        numeric(5, 1) not null default 15 check (radius_km >= 0 and radius_km <= 200),
    communes         text[] not null default '{}',
    home_visits      boolean not null default false,
    paused_from      date,
    paused_until     date,
    note             text check (length(note) <= 1000),
    updated_at       timestamptz not null default now(),
    updated_by       uuid references user_account (id),
    primary key (cpts_id, practitioner_id),
    check (paused_until is null or paused_from is null or paused_until >= paused_from)
);

create table gp_protocol (
    cpts_id     uuid primary key references cpts (id),
    criteria    text[] not null,
    updated_at  timestamptz not null default now(),
    updated_by  uuid references user_account (id)
);

create table gp_baseline (
    cpts_id            uuid primary key references cpts (id),
    reference_date     date not null,
    without_gp         integer not null check (without_gp >= 0),
    without_gp_ald     integer check (without_gp_ald >= 0),
    without_gp_70      integer check (without_gp_70 >= 0),
    without_gp_c2s     integer check (without_gp_c2s >= 0),
    yearly_reduction   numeric(4, 1) not null default 5 check (yearly_reduction > 0 and yearly_reduction < 100),
    updated_at         timestamptz not null default now()
);

-- Anti-abuse on the public form, shared by every node: one row per submission, the address hashed.
create table gp_public_submission (
    address_hash bytea not null,
    at           timestamptz not null default now()
);
create index gp_public_submission_address on gp_public_submission (address_hash, at);
create index gp_public_submission_at on gp_public_submission (at);
