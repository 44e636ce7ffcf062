-- Prevention consultations at key ages (Mon bilan prévention): who offers them, where and how to book,
-- and how many they did each month (a number, never a patient).
create table prevention_offer (
    id              uuid primary key,
    practitioner_id uuid not null unique references practitioner (id),
    name            text not null,
    profession      text not null,
    ages            text[] not null check (cardinality(ages) between 1 and 4 and ages <@ array['18-25', '45-50', '60-65', '70-75']),
    how_to_book     text check (length(how_to_book) <= 500),
    phone           text check (length(phone) <= 30),
    booking_url     text check (length(booking_url) <= 300),
    place           text check (length(place) <= 200),
    commune_code    text not null,
    commune_name    text not null,
    active          boolean not null default true,
    declared_by     uuid references user_account (id),
    declared_at     timestamptz not null default now()
);
create index prevention_offer_commune on prevention_offer (commune_code) where active;

create table prevention_offer_month (
    offer_id uuid not null references prevention_offer (id),
    month    date not null check (extract(day from month) = 1),
    done     integer not null check (done between 0 and 10000),
    primary key (offer_id, month)
);
