-- Issue 20: the crisis log's attachments (a prefectoral order, a photo of the site, a stock sheet),
-- append-only like the entries they belong to.
create table crisis_log_attachment (
    id           uuid primary key,
    entry_id     uuid not null references crisis_log_entry (id),
    name         text not null check (length(name) between 1 and 200),
    content_type text not null,
    size         integer not null check (size > 0),
    content      bytea not null,
    at           timestamptz not null default now()
);
create index crisis_log_attachment_entry on crisis_log_attachment (entry_id);
create trigger crisis_log_attachment_append_only before update or delete on crisis_log_attachment
    for each row execute function crisis_log_is_append_only();
