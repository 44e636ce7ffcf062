-- The association's library (module association): statutes, conventions, minutes, projet de
-- santé, fiches-actions, in folders, each document with its versions and who may read it: all
-- the members of the CPTS, its board, or the members of one body.
create table document (
    id          uuid primary key,
    cpts_id     uuid not null references cpts (id),
    folder      text not null check (length(folder) between 1 and 100),
    title       text not null check (length(title) between 1 and 200),
    audience    text not null check (audience in ('MEMBERS', 'BOARD', 'BODY')),
    body_id     uuid references body (id),
    created_by  uuid references user_account (id),
    created_at  timestamptz not null default now(),
    check ((audience = 'BODY') = (body_id is not null)),
    unique (cpts_id, folder, title)
);
create table document_version (
    document_id   uuid not null references document (id),
    version       integer not null check (version > 0),
    name          text not null,
    content_type  text not null,
    size          bigint not null check (size > 0),
    content       bytea not null,
    note          text check (length(note) <= 500),
    uploaded_by   uuid references user_account (id),
    uploaded_at   timestamptz not null default now(),
    primary key (document_id, version)
);
