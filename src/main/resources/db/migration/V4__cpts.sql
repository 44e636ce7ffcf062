-- The CPTS and its territory (module cpts).
create table cpts (
    id          uuid primary key,
    name        text not null,
    legal_form  text not null,
    siret       text not null,
    address     text not null,
    email       text not null,
    phone       text not null,
    slug        text not null unique,
    created_at  timestamptz not null default now(),
    version     integer not null default 0
);

create table cpts_commune (
    cpts_id     uuid not null references cpts (id),
    insee_code  text not null,
    qpv         boolean not null default false,
    zip         boolean not null default false,
    zac         boolean not null default false,
    zone_note   text,
    primary key (cpts_id, insee_code)
);
