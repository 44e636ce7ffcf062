-- A CPTS's partnerships with structures (module directory); notes are the CPTS's own.
create table partnership (
    id               uuid primary key,
    cpts_id          uuid not null,
    organization_id  uuid not null references organization (id),
    status           text not null check (status in ('A_RENCONTRER', 'RENCONTRE', 'A_SIGNER', 'SIGNE', 'REFUSE')),
    representative   text,
    met_on           date,
    signed_on        date,
    governance       boolean not null default false,
    notes            text,
    document_name    text,
    document         bytea,
    updated_at       timestamptz not null default now(),
    unique (cpts_id, organization_id)
);
