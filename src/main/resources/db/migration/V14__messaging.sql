-- Secure messaging (module messaging): conversations, their participants, messages, attachments.
-- user_id and cpts_id refer to other modules' tables without a foreign key.
create table conversation (
    id           uuid primary key,
    cpts_id      uuid,
    kind         text not null,               -- DIRECT, GROUP, or the code of a participant source (a care circle…)
    source_ref   text,                        -- for a contributed kind: what the source knows it by
    title        text,
    created_by   uuid not null,
    created_at   timestamptz not null default now(),
    last_message_at timestamptz
);

-- Participants of DIRECT and GROUP conversations (contributed kinds ask their source), with
-- where each one has read up to. Leaving keeps the row, with left_at.
create table conversation_participant (
    conversation_id  uuid not null references conversation (id),
    user_id          uuid not null,
    joined_at        timestamptz not null default now(),
    left_at          timestamptz,
    last_read_at     timestamptz,
    primary key (conversation_id, user_id)
);
create index conversation_participant_user on conversation_participant (user_id) where left_at is null;

create table message (
    id               uuid primary key,
    conversation_id  uuid not null references conversation (id),
    author_id        uuid not null,
    body             text not null,
    urgent           boolean not null default false,
    created_at       timestamptz not null default now()
);
create index message_conversation on message (conversation_id, created_at);
create index message_search on message using gin (body gin_trgm_ops);

-- Reads of urgent messages, one row per reader: "read by Dr X at 14:02".
create table message_read (
    message_id  uuid not null references message (id),
    user_id     uuid not null,
    read_at     timestamptz not null default now(),
    primary key (message_id, user_id)
);

create table attachment (
    id            uuid primary key,
    message_id    uuid not null references message (id),
    name          text not null,
    content_type  text not null,
    size          bigint not null,
    content       bytea not null,
    token         text not null unique         -- unguessable part of the download link
);
create index attachment_message on attachment (message_id);
