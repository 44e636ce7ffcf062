-- National reference data (module reference): read-only for users, replaced as a whole by an
-- administrator from a newer copy of @etalab/decoupage-administratif.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

create table region (
    code text primary key,
    name text not null
);

create table departement (
    code        text primary key,
    name        text not null,
    region_code text not null
);

create table epci (
    siren      text primary key,
    name       text not null,
    kind       text not null,
    population integer not null
);

-- Only 'commune-actuelle' entries: the communes a territory is made of.
create table commune (
    insee_code       text primary key,
    name             text not null,
    departement_code text not null,
    region_code      text not null,
    epci_siren       text,
    population       integer not null default 0,
    postcodes        text[] not null default '{}',
    former_codes     text[] not null default '{}',
    latitude         double precision,
    longitude        double precision
);
create index commune_epci on commune (epci_siren);
create index commune_departement on commune (departement_code);

-- Names of former communes (déléguées, associées) and the current commune they belong to.
create table commune_former_name (
    insee_code    text not null,
    name          text not null,
    kind          text not null,
    current_code  text not null,
    primary key (insee_code, name)
);

create table reference_dataset (
    name       text primary key,
    source     text not null,
    loaded_at  timestamptz not null,
    row_count  integer not null
);
