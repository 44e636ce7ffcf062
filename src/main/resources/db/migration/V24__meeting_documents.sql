-- Documents of the association's library attached to a meeting (module association): the
-- invitees read them whatever the document's audience.
create table meeting_document (
    meeting_id   uuid not null references meeting (id),
    document_id  uuid not null references document (id),
    attached_at  timestamptz not null default now(),
    primary key (meeting_id, document_id)
);
create index meeting_document_document on meeting_document (document_id);
