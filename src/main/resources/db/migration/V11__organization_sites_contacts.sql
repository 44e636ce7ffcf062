-- A structure's other sites (antennas, a second practice) and its contacts (module directory).
create table organization_site (
    id               uuid primary key,
    organization_id  uuid not null references organization (id),
    name             text not null,
    address          text,
    postcode         text,
    commune_code     text,
    commune_name     text,
    phone            text,
    opening_hours    text,
    created_at       timestamptz not null default now()
);
create index organization_site_organization on organization_site (organization_id);
create index organization_site_commune on organization_site (commune_code);

-- Who to call at a structure, and when (seed 004: reachable in the week, the evening, the weekend).
-- Shown to signed-in users only, never on the public page.
create table organization_contact (
    id               uuid primary key,
    organization_id  uuid not null references organization (id),
    name             text not null,
    function         text,
    phone            text,
    email            text,
    availability     text,
    created_at       timestamptz not null default now()
);
create index organization_contact_organization on organization_contact (organization_id);
