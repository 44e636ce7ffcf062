-- The association (module association): colleges, members and applications, fees and payments,
-- bodies and mandates, meetings with their invitees, replies, proxies, attendance, resolutions and
-- ballots, compensation rates. Amounts are whole cents (bigint): no floating-point money.

create table college (
    id          uuid primary key,
    cpts_id     uuid not null references cpts (id),
    name        text not null check (length(name) between 1 and 100),
    -- the RPPS profession codes it gathers (empty: "autres" or "structures", chosen by hand)
    professions text[] not null default '{}',
    structures  boolean not null default false,
    position    integer not null default 0,
    unique (cpts_id, name)
);

create table member (
    id              uuid primary key,
    cpts_id         uuid not null references cpts (id),
    college_id      uuid not null references college (id),
    practitioner_id uuid references practitioner (id),
    organization_id uuid references organization (id),
    status          text not null check (status in ('ACTIVE', 'LAPSED', 'RESIGNED', 'EXCLUDED')),
    honorary        boolean not null default false,
    since           date not null,
    status_note     text check (length(status_note) <= 500),
    status_changed_at timestamptz,
    created_at      timestamptz not null default now(),
    created_by      uuid references user_account (id),
    check (num_nonnulls(practitioner_id, organization_id) = 1)
);
create unique index member_practitioner on member (cpts_id, practitioner_id) where practitioner_id is not null;
create unique index member_organization on member (cpts_id, organization_id) where organization_id is not null;
create index member_college on member (college_id);

-- an application from the public page, until a coordinator accepts (a member is created) or refuses it
create table membership_application (
    id              uuid primary key,
    cpts_id         uuid not null references cpts (id),
    last_name       text not null check (length(last_name) between 1 and 100),
    first_name      text not null check (length(first_name) between 1 and 100),
    email           text not null check (length(email) between 3 and 254),
    phone           text check (length(phone) <= 30),
    profession      text not null check (length(profession) between 1 and 100),
    rpps            text check (rpps ~ '^\d{11}$'),
    commune_code    text,
    message         text check (length(message) <= 2000),
    status          text not null default 'PENDING' check (status in ('PENDING', 'ACCEPTED', 'REFUSED')),
    member_id       uuid references member (id),
    answered_by     uuid references user_account (id),
    answered_at     timestamptz,
    answer_note     text check (length(answer_note) <= 500),
    created_at      timestamptz not null default now(),
    check ((status = 'ACCEPTED') = (member_id is not null))
);
create index membership_application_cpts on membership_application (cpts_id, status, created_at);

-- the yearly fee of a college (college_id) or of honorary members (college_id null, honorary)
create table fee_rate (
    id           uuid primary key,
    cpts_id      uuid not null references cpts (id),
    year         integer not null check (year between 2000 and 2200),
    college_id   uuid references college (id),
    honorary     boolean not null default false,
    amount_cents bigint not null check (amount_cents >= 0 and amount_cents <= 100000000),
    check (honorary = (college_id is null))
);
create unique index fee_rate_college on fee_rate (cpts_id, year, college_id) where college_id is not null;
create unique index fee_rate_honorary on fee_rate (cpts_id, year) where honorary;

create table fee_payment (
    id             uuid primary key,
    cpts_id        uuid not null references cpts (id),
    member_id      uuid not null references member (id),
    year           integer not null check (year between 2000 and 2200),
    amount_cents   bigint not null check (amount_cents > 0 and amount_cents <= 100000000),
    paid_on        date not null,
    method         text not null check (method in ('VIREMENT', 'CHEQUE', 'ESPECES', 'CARTE', 'PRELEVEMENT', 'EN_LIGNE')),
    reference      text check (length(reference) <= 100),
    receipt_number integer not null check (receipt_number > 0),
    recorded_by    uuid references user_account (id),
    recorded_at    timestamptz not null default now(),
    cancelled_at   timestamptz,
    cancel_reason  text check (length(cancel_reason) <= 500),
    unique (cpts_id, year, receipt_number),
    check ((cancelled_at is null) = (cancel_reason is null))
);
create index fee_payment_member on fee_payment (member_id, year);

-- when a member was last reminded to pay a year's fee (reminders at most once a week)
create table fee_reminder (
    member_id   uuid not null references member (id),
    year        integer not null,
    sent_at     timestamptz not null default now(),
    primary key (member_id, year, sent_at)
);

create table body (
    id                uuid primary key,
    cpts_id           uuid not null references cpts (id),
    name              text not null check (length(name) between 1 and 100),
    kind              text not null check (kind in ('BUREAU', 'CONSEIL', 'GROUPE')),
    renews_by_thirds  boolean not null default false,
    -- quorum: at least quorum_num / quorum_den of the voting members present or represented
    quorum_num        integer not null default 1 check (quorum_num >= 0),
    quorum_den        integer not null default 2 check (quorum_den > 0),
    proxies_count     boolean not null default true,
    max_proxies       integer not null default 1 check (max_proxies >= 0),
    created_at        timestamptz not null default now(),
    check (quorum_num <= quorum_den),
    unique (cpts_id, name)
);

create table mandate (
    id          uuid primary key,
    body_id     uuid not null references body (id),
    member_id   uuid not null references member (id),
    position    text not null check (position in ('PRESIDENT', 'VICE_PRESIDENT', 'SECRETAIRE', 'SECRETAIRE_ADJOINT', 'TRESORIER',
                                                  'TRESORIER_ADJOINT', 'MEMBRE')),
    starts_on   date not null,
    ends_on     date,
    end_note    text check (length(end_note) <= 500),
    created_at  timestamptz not null default now(),
    check (ends_on is null or ends_on >= starts_on)
);
create index mandate_body on mandate (body_id, starts_on);
create index mandate_member on mandate (member_id);
-- one holder at a time for each office but "membre" (exclusion constraint on the date ranges)
create extension if not exists btree_gist;
alter table mandate add constraint mandate_office_once exclude using gist (body_id with =, position with =,
    daterange(starts_on, ends_on, '[]') with &&) where (position <> 'MEMBRE');
alter table mandate add constraint mandate_member_once exclude using gist (body_id with =, member_id with =,
    daterange(starts_on, ends_on, '[]') with &&);

create table meeting (
    id             uuid primary key,
    cpts_id        uuid not null references cpts (id),
    kind           text not null check (kind in ('AG', 'CA', 'BUREAU', 'RCP', 'GROUPE')),
    body_id        uuid references body (id),
    title          text not null check (length(title) between 1 and 200),
    starts_at      timestamptz not null,
    ends_at        timestamptz not null,
    place          text check (length(place) <= 300),
    video_link     text check (length(video_link) <= 500),
    agenda         text check (length(agenda) <= 10000),
    status         text not null default 'DRAFT' check (status in ('DRAFT', 'CONVENED', 'HELD', 'CANCELLED')),
    -- the statutes' quorum for this meeting (from its body, or typed for a general assembly)
    quorum_num     integer not null default 1 check (quorum_num >= 0),
    quorum_den     integer not null default 2 check (quorum_den > 0),
    proxies_count  boolean not null default true,
    max_proxies    integer not null default 1 check (max_proxies >= 0),
    convened_at    timestamptz,
    sequence       integer not null default 0,
    minutes        text check (length(minutes) <= 100000),
    minutes_published_at timestamptz,
    created_by     uuid references user_account (id),
    created_at     timestamptz not null default now(),
    check (ends_at > starts_at),
    check (place is not null or video_link is not null),
    check (quorum_num <= quorum_den),
    check (status in ('DRAFT', 'CANCELLED') or convened_at is not null)
);
create index meeting_cpts on meeting (cpts_id, starts_at);

create table meeting_invitee (
    meeting_id   uuid not null references meeting (id),
    member_id    uuid not null references member (id),
    voting       boolean not null,
    reply        text check (reply in ('PRESENT', 'ABSENT', 'PROXY')),
    proxy_to     uuid,
    replied_at   timestamptz,
    attended     boolean,
    primary key (meeting_id, member_id),
    foreign key (meeting_id, proxy_to) references meeting_invitee (meeting_id, member_id),
    check ((reply = 'PROXY') = (proxy_to is not null)),
    check (proxy_to is null or proxy_to <> member_id)
);

create table resolution (
    id          uuid primary key,
    meeting_id  uuid not null references meeting (id),
    position    integer not null,
    text        text not null check (length(text) between 1 and 2000),
    created_at  timestamptz not null default now(),
    unique (meeting_id, position)
);

-- one ballot per voice: a member present votes for themself and for those who gave them a proxy
create table ballot (
    resolution_id uuid not null references resolution (id),
    meeting_id    uuid not null,
    voter_id      uuid not null,
    cast_by       uuid not null,
    choice        text not null check (choice in ('POUR', 'CONTRE', 'ABSTENTION')),
    cast_at       timestamptz not null default now(),
    primary key (resolution_id, voter_id),
    foreign key (meeting_id, voter_id) references meeting_invitee (meeting_id, member_id),
    foreign key (meeting_id, cast_by) references meeting_invitee (meeting_id, member_id)
);

-- compensation of professionals in private practice for the time given to the CPTS
create table compensation_rate (
    id           uuid primary key,
    cpts_id      uuid not null references cpts (id),
    kind         text not null check (kind in ('AG', 'CA', 'BUREAU', 'RCP', 'GROUPE')),
    per          text not null check (per in ('HEURE', 'REUNION')),
    amount_cents bigint not null check (amount_cents >= 0 and amount_cents <= 10000000),
    mission      text check (length(mission) <= 200),
    valid_from   date not null,
    unique (cpts_id, kind, valid_from)
);
