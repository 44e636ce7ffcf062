-- A CPTS's visual identity, chosen by its coordinators: a colour (white text must read on it) and
-- a logo (PNG or JPEG, checked from its content), shown on its public page and its documents.
create table cpts_identity (
    cpts_id     uuid primary key references cpts (id),
    colour      text check (colour ~ '^#[0-9a-f]{6}$'),
    logo        bytea check (length(logo) <= 512000),
    logo_type   text check (logo_type in ('image/png', 'image/jpeg')),
    updated_at  timestamptz not null default now(),
    updated_by  uuid references user_account (id),
    check ((logo is null) = (logo_type is null))
);
