-- How each professional stands with a CPTS (module directory), for the "professionals by profession"
-- table of the projet de santé: solicited (informed and asked to join), took part in writing the
-- project, member (adhérent), takes part in governance. The association module will own
-- membership and mandates; until then the coordinator records them here.
create table cpts_engagement (
    cpts_id          uuid not null,
    practitioner_id  uuid not null references practitioner (id),
    solicited_on     date,
    project          boolean not null default false,
    member           boolean not null default false,
    governance       boolean not null default false,
    updated_by       uuid,
    updated_at       timestamptz not null default now(),
    primary key (cpts_id, practitioner_id)
);
create index cpts_engagement_practitioner on cpts_engagement (practitioner_id);
