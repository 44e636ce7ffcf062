-- Prevention campaigns: the national calendar the installation ships (editable by an administrator),
-- the CPTS's campaigns with their target, partners and professionals, and their actions with results.

create table campaign_theme (
    code        text primary key check (code ~ '^[A-Z0-9_]{2,40}$'),
    name        text not null check (length(name) between 1 and 200),
    description text check (length(description) <= 2000),
    target      text check (length(target) <= 300),
    -- the usual period, month and day, possibly across the new year (15 October → 31 January)
    from_month  integer not null check (from_month between 1 and 12),
    from_day    integer not null check (from_day between 1 and 31),
    to_month    integer not null check (to_month between 1 and 12),
    to_day      integer not null check (to_day between 1 and 31),
    position    integer not null default 0
);

insert into campaign_theme (code, name, description, target, from_month, from_day, to_month, to_day, position) values
    ('MARS_BLEU', 'Mars bleu', 'Dépistage organisé du cancer colorectal (test immunologique à faire chez soi).', 'Femmes et hommes de 50 à 74 ans', 3, 1, 3, 31, 1),
    ('OCTOBRE_ROSE', 'Octobre rose', 'Dépistage organisé du cancer du sein (mammographie tous les deux ans).', 'Femmes de 50 à 74 ans', 10, 1, 10, 31, 2),
    ('MOIS_SANS_TABAC', 'Mois sans tabac', 'Un mois pour arrêter de fumer, avec l''aide des professionnels de santé.', 'Fumeurs', 11, 1, 11, 30, 3),
    ('GRIPPE', 'Vaccination contre la grippe saisonnière', 'Campagne de vaccination antigrippale (médecins, infirmiers, pharmaciens, sages-femmes).', '65 ans et plus, maladies chroniques, femmes enceintes, entourage des nourrissons', 10, 15, 1, 31, 4),
    ('COVID', 'Vaccination contre le COVID-19', 'Rappel de vaccination automnal.', '65 ans et plus, personnes à risque et leur entourage', 10, 15, 1, 31, 5),
    ('HPV', 'Vaccination contre les papillomavirus au collège', 'Vaccination HPV des élèves de 5e dans les collèges.', 'Élèves de 5e (11-14 ans)', 9, 15, 6, 30, 6),
    ('MON_BILAN_PREVENTION', 'Mon bilan prévention', 'Consultations de prévention aux âges clés de la vie.', '18-25, 45-50, 60-65 et 70-75 ans', 1, 1, 12, 31, 7);

create table campaign (
    id             uuid primary key,
    cpts_id        uuid not null references cpts (id),
    theme_code     text references campaign_theme (code),
    title          text not null check (length(title) between 1 and 200),
    starts_on      date not null,
    ends_on        date not null,
    target_ages    text check (length(target_ages) <= 100),
    target_sex     text not null default 'ALL' check (target_sex in ('ALL', 'F', 'M')),
    target_communes text[] not null default '{}',
    qpv            boolean not null default false,
    objectives     text check (length(objectives) <= 4000),
    partners       jsonb not null default '[]',
    professionals  jsonb not null default '[]',
    created_by     uuid references user_account (id),
    created_at     timestamptz not null default now(),
    check (ends_on >= starts_on)
);
create index campaign_cpts on campaign (cpts_id, starts_on);

create table campaign_action (
    id                 uuid primary key,
    campaign_id        uuid not null references campaign (id) on delete cascade,
    kind               text not null check (kind in ('STAND', 'CONFERENCE', 'SCHOOL', 'SCREENING_DAY', 'VACCINATION', 'OTHER')),
    title              text not null check (length(title) between 1 and 200),
    place              text check (length(place) <= 200),
    on_date            date not null,
    who                text check (length(who) <= 300),
    done               boolean not null default false,
    people_reached     integer check (people_reached >= 0),
    screenings_offered integer check (screenings_offered >= 0),
    screenings_done    integer check (screenings_done >= 0),
    vaccinations       integer check (vaccinations >= 0),
    leaflets           integer check (leaflets >= 0),
    note               text check (length(note) <= 1000),
    created_at         timestamptz not null default now()
);
create index campaign_action_campaign on campaign_action (campaign_id, on_date);
