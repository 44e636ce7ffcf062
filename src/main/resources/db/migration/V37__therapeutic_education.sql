-- Therapeutic education (ETP): a programme authorised by the ARS, its team, its participants (each
-- followed on a care pathway whose template only the circle sees), its group sessions and attendance.

-- a template whose enrolments only their care circle sees (the CPTS's coordinators do not, unless in it)
alter table pathway_template add column circle_only boolean not null default false;

create table etp_programme (
    id                uuid primary key,
    cpts_id           uuid not null references cpts (id),
    title             text not null check (length(title) between 1 and 200),
    disease           text not null check (length(disease) between 1 and 200),
    ars_authorisation text check (length(ars_authorisation) <= 100),
    authorised_from   date not null,
    authorised_until  date not null,
    description       text check (length(description) <= 4000),
    template_id       uuid not null unique references pathway_template (id),
    status            text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED', 'ENDED')),
    created_by        uuid references user_account (id),
    created_at        timestamptz not null default now(),
    check (authorised_until >= authorised_from)
);
create index etp_programme_cpts on etp_programme (cpts_id);

create table etp_team_member (
    programme_id    uuid not null references etp_programme (id) on delete cascade,
    practitioner_id uuid not null references practitioner (id),
    name            text not null,
    added_at        timestamptz not null default now(),
    primary key (programme_id, practitioner_id)
);
create index etp_team_practitioner on etp_team_member (practitioner_id);

create table etp_participant (
    id            uuid primary key,
    programme_id  uuid not null references etp_programme (id),
    enrolment_id  uuid not null unique references pathway_enrolment (id),
    -- null once the patient's data is erased (the participation stays, anonymous, in the counts)
    patient_id    uuid references patient (id),
    enrolled_on   date not null,
    created_by    uuid references user_account (id),
    created_at    timestamptz not null default now()
);
create index etp_participant_programme on etp_participant (programme_id, enrolled_on);
create index etp_participant_patient on etp_participant (patient_id);

create table etp_session (
    id           uuid primary key,
    programme_id uuid not null references etp_programme (id),
    title        text not null check (length(title) between 1 and 200),
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    place        text check (length(place) <= 300),
    capacity     integer check (capacity between 1 and 100),
    created_by   uuid references user_account (id),
    created_at   timestamptz not null default now(),
    check (ends_at > starts_at)
);
create index etp_session_programme on etp_session (programme_id, starts_at);

create table etp_attendance (
    session_id     uuid not null references etp_session (id),
    participant_id uuid not null references etp_participant (id),
    present        boolean not null,
    recorded_by    uuid references user_account (id),
    recorded_at    timestamptz not null default now(),
    primary key (session_id, participant_id)
);
