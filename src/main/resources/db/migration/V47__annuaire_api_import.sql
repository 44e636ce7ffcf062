-- Directory imports from the Annuaire Santé FHIR API (module directory). The download goes page by
-- page, each page committed with the address of the next (cursor), so a run killed in the middle
-- resumes where it stopped; the rows read wait in directory_import_staged and are applied in one
-- transaction at the end, all or nothing, like an extraction file.
alter table directory_import add column cursor text;
alter table directory_import add column pages integer not null default 0;
-- the INSEE codes kept, fixed at the start (null: the whole installation), for the node that resumes
alter table directory_import add column scope text[];

create table directory_import_staged (
    import_id  uuid not null references directory_import (id),
    seq        bigint not null,
    row        jsonb not null,
    primary key (import_id, seq)
);
