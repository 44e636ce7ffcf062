-- Notifications (module notifications): what a user sees in the application, their choices per
-- kind, and the durable outbox through which e-mails and SMS leave. user_id and cpts_id refer to
-- other modules' tables without a foreign key.
create table notification (
    id          uuid primary key,
    user_id     uuid not null,
    cpts_id     uuid,
    kind        text not null,                 -- e.g. messaging.message, notifications.announcement
    title       text not null,
    body        text not null,
    link        text,                          -- path inside the application
    urgent      boolean not null default false,
    created_at  timestamptz not null default now(),
    read_at     timestamptz,
    digested_at timestamptz                    -- included in a daily digest
);
create index notification_user_unread on notification (user_id, created_at desc) where read_at is null;
create index notification_user on notification (user_id, created_at desc);
create index notification_digest on notification (user_id) where read_at is null and digested_at is null;

create table notification_preference (
    user_id  uuid not null,
    kind     text not null,
    mode     text not null check (mode in ('IMMEDIATE', 'DIGEST', 'APP_ONLY')),
    primary key (user_id, kind)
);

-- One row per message to deliver. The Message-ID is chosen here, once: a message sent again after
-- a crash carries the same one, so mail systems can tell the duplicate.
create table outbox_message (
    id               uuid primary key,
    notification_id  uuid,
    channel          text not null check (channel in ('EMAIL', 'SMS')),
    recipient        text not null,
    subject          text,
    body             text not null,
    message_id       text not null unique,
    status           text not null default 'PENDING' check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null default now(),
    claimed_until    timestamptz,
    claimed_by       text,
    last_error       text,
    created_at       timestamptz not null default now(),
    sent_at          timestamptz
);
create index outbox_message_due on outbox_message (next_attempt_at) where status in ('PENDING', 'SENDING');
create index outbox_message_failed on outbox_message (created_at desc) where status = 'FAILED';
