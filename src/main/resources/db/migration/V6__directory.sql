-- The directory (module directory): professionals, their activities and practice sites, imports.
create table practitioner (
    id                 uuid primary key,
    national_id        text unique,          -- "8" + RPPS or "0" + ADELI; null for those without
    id_kind            text,                 -- RPPS, ADELI
    civility           text,
    last_name          text not null,
    first_name         text,
    profession_code    text,
    profession_label   text,
    category_label     text,
    mssante            text,
    phone              text,
    languages          text[] not null default '{}',
    takes_new_patients boolean,
    source             text not null default 'MANUAL' check (source in ('RPPS', 'MANUAL')),
    search_text        text not null,        -- unaccented lower-case name, profession, for tolerant search
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create index practitioner_search on practitioner using gin (search_text gin_trgm_ops);
create index practitioner_profession on practitioner (profession_code);

create table practitioner_activity (
    id                  uuid primary key,
    practitioner_id     uuid not null references practitioner (id),
    activity_key        text not null unique, -- stable key of an RPPS line: national id + site + role + mode
    mode_label          text,
    sector_label        text,
    role_label          text,
    skill_code          text,                 -- savoir-faire
    skill_label         text,
    site_name           text,
    site_siret          text,
    site_finess         text,
    site_technical_id   text,
    address             text,
    postcode            text,
    commune_code        text,
    commune_name        text,
    phone               text,
    email               text,
    source              text not null default 'MANUAL' check (source in ('RPPS', 'MANUAL')),
    active              boolean not null default true,
    inactive_since      timestamptz,
    content_hash        text not null,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create index practitioner_activity_practitioner on practitioner_activity (practitioner_id);
create index practitioner_activity_commune on practitioner_activity (commune_code) where active;
create index practitioner_activity_skill on practitioner_activity (skill_code);

create table directory_import (
    id            uuid primary key,
    cpts_id       uuid,                      -- null: an import for the whole installation
    kind          text not null,
    file_name     text not null,
    file_bytes    bigint not null,
    status        text not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'REFUSED', 'FAILED')),
    lines_total   bigint not null default 0,
    lines_read    bigint not null default 0,
    created       integer not null default 0,
    updated       integer not null default 0,
    unchanged     integer not null default 0,
    inactivated   integer not null default 0,
    out_of_scope  bigint not null default 0,
    rejected      integer not null default 0,
    encoding      text,
    problem       text,                     -- message key when refused or failed
    problem_args  text[] not null default '{}',
    created_by    uuid,
    started_at    timestamptz not null default now(),
    finished_at   timestamptz
);

create table directory_import_rejection (
    import_id  uuid not null references directory_import (id),
    line_no    bigint not null,
    reason     text not null,                -- message key
    args       text[] not null default '{}',
    excerpt    text,
    primary key (import_id, line_no, reason)
);
