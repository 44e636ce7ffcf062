-- Attachments of queued e-mails (module notifications): a convocation's invitation (.ics), a
-- receipt (PDF). Kept with their message, sent with it on every attempt.
create table outbox_attachment (
    id            uuid primary key,
    message_id    uuid not null references outbox_message (id),
    position      integer not null,
    name          text not null check (length(name) between 1 and 200),
    content_type  text not null,
    content       bytea not null,
    unique (message_id, position)
);
