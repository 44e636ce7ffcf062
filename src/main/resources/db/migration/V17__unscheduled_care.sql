-- Unscheduled care (module unscheduledcare): recurring rules, slots, bookings, absences.
create table snp_rule (
    id                 uuid primary key,
    cpts_id            uuid not null references cpts (id),
    practitioner_id    uuid references practitioner (id),
    organization_id    uuid references organization (id),
    owner_label        text not null,
    kind               text not null check (kind in ('CABINET', 'DOMICILE', 'TELECONSULTATION')),
    profession_code    text not null,
    site_label         text check (length(site_label) <= 200),
    commune_code       text not null,
    weekdays           integer not null check (weekdays between 1 and 127),  -- bit 0 Monday … bit 6 Sunday
    day_start          time not null,
    day_end            time not null,
    slot_minutes       integer not null check (slot_minutes between 5 and 480),
    per_day            integer check (per_day between 1 and 200),
    valid_from         date not null,
    valid_until        date,
    skip_holidays      boolean not null default true,
    materialised_until date,
    active             boolean not null default true,
    created_by         uuid references user_account (id),
    created_at         timestamptz not null default now(),
    check ((practitioner_id is null) <> (organization_id is null)),
    check (day_end > day_start),
    check (valid_until is null or valid_until >= valid_from)
);

create table snp_slot (
    id               uuid primary key,
    cpts_id          uuid not null references cpts (id),
    rule_id          uuid references snp_rule (id),
    practitioner_id  uuid references practitioner (id),
    organization_id  uuid references organization (id),
    owner_label      text not null,               -- "Dr Jeanne Martin", "MSP de Forcalquier": shown in every search
    kind             text not null check (kind in ('CABINET', 'DOMICILE', 'TELECONSULTATION')),
    profession_code  text not null,
    site_label       text,
    commune_code     text not null,
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    booked           boolean not null default false,
    cancelled_at     timestamptz,
    cancel_reason    text,
    created_at       timestamptz not null default now(),
    check ((practitioner_id is null) <> (organization_id is null)),
    check (ends_at > starts_at),
    unique (rule_id, starts_at)
);
-- the search: open slots of a profession in each nearby commune, earliest first (one short index
-- range per commune, merged by the query)
create index snp_slot_open on snp_slot (commune_code, profession_code, starts_at) where cancelled_at is null and not booked;
create index snp_slot_owner_p on snp_slot (practitioner_id, starts_at) where practitioner_id is not null;
create index snp_slot_owner_o on snp_slot (organization_id, starts_at) where organization_id is not null;

create table snp_booking (
    id                 uuid primary key,
    slot_id            uuid not null references snp_slot (id),
    booked_by          uuid not null references user_account (id),
    booked_at          timestamptz not null default now(),
    patient_name       text not null check (length(patient_name) between 1 and 200),
    patient_birth_date date not null,
    patient_phone      text not null check (length(patient_phone) <= 30),
    reason             text not null check (length(reason) between 1 and 500),
    cancelled_at       timestamptz,
    cancelled_by       uuid references user_account (id),
    cancel_reason      text,
    outcome            text check (outcome in ('HONORE', 'NON_HONORE', 'REORIENTE')),
    outcome_at         timestamptz,
    outcome_note       text check (length(outcome_note) <= 500)
);
-- a slot is booked once, whatever the concurrency: the database says so
create unique index snp_booking_one_per_slot on snp_booking (slot_id) where cancelled_at is null;
create index snp_booking_booker on snp_booking (booked_by, booked_at desc);

create table snp_absence (
    id               uuid primary key,
    practitioner_id  uuid references practitioner (id),
    organization_id  uuid references organization (id),
    from_date        date not null,
    to_date          date not null,
    reason           text check (length(reason) <= 200),
    created_by       uuid references user_account (id),
    created_at       timestamptz not null default now(),
    check ((practitioner_id is null) <> (organization_id is null)),
    check (to_date >= from_date)
);
