-- Patients (module patients): identity traits of the INS, contact, residence, consents.
create table patient (
    id              uuid primary key,
    cpts_id         uuid not null references cpts (id),
    birth_name      text not null check (length(birth_name) between 1 and 100),
    first_names     text not null check (length(first_names) between 1 and 200),
    used_name       text check (length(used_name) <= 100),
    birth_date      date not null check (birth_date >= date '1890-01-01'),
    sex             char(1) not null check (sex in ('F', 'M', 'I')),
    birthplace_code text check (birthplace_code ~ '^(\d{5}|2[AB]\d{3})$'),
    nir             text check (nir ~ '^[1-478]\d{4}(\d{2}|2A|2B)\d{8}$'),
    email           text check (length(email) <= 254),
    phone           text check (length(phone) <= 30),
    address         text check (length(address) <= 300),
    commune_code    text not null check (commune_code ~ '^(\d{5}|2[AB]\d{3})$'),
    -- normalised birth name and first first name: what deduplication compares
    identity_key    text not null,
    created_at      timestamptz not null default now(),
    created_by      uuid references user_account (id)
);
create index patient_identity on patient (cpts_id, birth_date, identity_key);
create index patient_nir on patient (cpts_id, nir) where nir is not null;

create table patient_consent (
    id           uuid primary key,
    patient_id   uuid not null references patient (id),
    purpose      text not null,
    given_at     timestamptz not null,
    how          text not null check (how in ('FORMULAIRE_EN_LIGNE', 'ORAL', 'ECRIT', 'IMPORT')),
    recorded_by  uuid references user_account (id),
    withdrawn_at timestamptz
);
create index patient_consent_patient on patient_consent (patient_id);
