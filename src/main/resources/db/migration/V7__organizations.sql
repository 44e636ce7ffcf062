-- Structures of the directory (module directory): MSP, centres de santé, hospitals, SSIAD, HAD, EHPAD, PMI...
create table organization (
    id             uuid primary key,
    kind           text not null,
    name           text not null,
    finess         text unique,
    siret          text,
    address        text,
    postcode       text,
    commune_code   text,
    commune_name   text,
    phone          text,
    email          text,
    website        text,
    services       text,
    opening_hours  text,
    public_listing boolean not null default false,
    search_text    text not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create index organization_search on organization using gin (search_text gin_trgm_ops);
create index organization_commune on organization (commune_code);
