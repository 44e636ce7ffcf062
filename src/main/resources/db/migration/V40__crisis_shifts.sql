-- Volunteer shifts of a crisis: the sites it opens (a vaccination centre…), their shifts with the
-- needs per role, who signed up, and the day's counts entered at the end of each shift.
create table crisis_site (
    id           uuid primary key,
    crisis_id    uuid not null references crisis (id),
    name         text not null check (length(name) between 1 and 200),
    kind         text not null check (kind in ('VACCINATION', 'CONSULTATION', 'SCREENING', 'OTHER')),
    address      text check (length(address) <= 300),
    commune_code text,
    created_by   uuid references user_account (id),
    created_at   timestamptz not null default now()
);
create index crisis_site_crisis on crisis_site (crisis_id);

create table crisis_shift (
    id            uuid primary key,
    site_id       uuid not null references crisis_site (id),
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    needs         jsonb not null,
    doses         integer check (doses >= 0),
    consultations integer check (consultations >= 0),
    counted_by    uuid references user_account (id),
    counted_at    timestamptz,
    reminded_at   timestamptz,
    check (ends_at > starts_at)
);
create index crisis_shift_site on crisis_shift (site_id, starts_at);

create table crisis_shift_signup (
    shift_id  uuid not null references crisis_shift (id),
    user_id   uuid not null references user_account (id),
    role      text not null check (role in ('DOCTOR', 'NURSE', 'PHARMACIST', 'ADMIN')),
    label     text not null,
    signed_at timestamptz not null default now(),
    primary key (shift_id, user_id)
);
