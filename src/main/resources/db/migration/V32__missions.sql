-- The CPTS's contract (ACI), its missions, the indicators it is judged on and their values.
-- Amounts in whole cents (decision 0009).

-- The installation's default amounts by size class, editable by an administrator; a contract copies
-- them when it is recorded and keeps what it was signed with. "verified" stays false until someone
-- compared the value with the text in force.
create table aci_amount (
    size_class     integer not null check (size_class between 1 and 4),
    part           text not null check (part in ('FUNCTIONING', 'ACCESS', 'PATHWAYS', 'PREVENTION', 'CRISIS', 'QUALITY', 'SUPPORT')),
    fixed_cents    bigint not null check (fixed_cents >= 0),
    variable_cents bigint not null check (variable_cents >= 0),
    verified       boolean not null default false,
    updated_at     timestamptz not null default now(),
    primary key (size_class, part)
);

-- ACI avenant 2 (2021), annual amounts as published by the Assurance Maladie; to be checked against
-- the text in force before use (every row starts unverified).
insert into aci_amount (size_class, part, fixed_cents, variable_cents) values
    (1, 'FUNCTIONING', 7500000, 0), (2, 'FUNCTIONING', 9100000, 0), (3, 'FUNCTIONING', 11400000, 0), (4, 'FUNCTIONING', 13700000, 0),
    (1, 'ACCESS', 2500000, 2500000), (2, 'ACCESS', 3000000, 3000000), (3, 'ACCESS', 3750000, 3750000), (4, 'ACCESS', 4500000, 4500000),
    (1, 'PATHWAYS', 2000000, 2000000), (2, 'PATHWAYS', 2500000, 2500000), (3, 'PATHWAYS', 3500000, 3500000), (4, 'PATHWAYS', 4500000, 4500000),
    (1, 'PREVENTION', 1000000, 1000000), (2, 'PREVENTION', 1250000, 1250000), (3, 'PREVENTION', 1750000, 1750000), (4, 'PREVENTION', 2000000, 2000000),
    (1, 'CRISIS', 1200000, 0), (2, 'CRISIS', 1750000, 0), (3, 'CRISIS', 2330000, 0), (4, 'CRISIS', 3500000, 0),
    (1, 'QUALITY', 750000, 750000), (2, 'QUALITY', 1000000, 1000000), (3, 'QUALITY', 1500000, 1500000), (4, 'QUALITY', 2000000, 2000000),
    (1, 'SUPPORT', 500000, 500000), (2, 'SUPPORT', 750000, 750000), (3, 'SUPPORT', 1000000, 1000000), (4, 'SUPPORT', 1500000, 1500000);

create table contract (
    id                 uuid primary key,
    cpts_id            uuid not null unique references cpts (id),
    signed_on          date not null,
    size_class         integer not null check (size_class between 1 and 4),
    -- why the size class differs from the one the territory's population gives (null: it does not)
    size_class_reason  text check (length(size_class_reason) <= 500),
    functioning_cents  bigint not null check (functioning_cents >= 0),
    -- the share paid in advance (at the start of a mission, then at each anniversary)
    advance_percent    integer not null default 75 check (advance_percent between 0 and 100),
    version            integer not null default 0,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);

create table contract_mission (
    contract_id    uuid not null references contract (id) on delete cascade,
    mission        text not null check (mission in ('ACCESS', 'PATHWAYS', 'PREVENTION', 'CRISIS', 'QUALITY', 'SUPPORT')),
    fixed_cents    bigint not null check (fixed_cents >= 0),
    variable_cents bigint not null check (variable_cents >= 0),
    start_months   integer not null check (start_months between 0 and 60),
    full_months    integer not null check (full_months between 0 and 60),
    -- how attainment counts: LINEAR (value / target, capped) or THRESHOLDS ("50:50;75:75;100:100")
    rule           text not null default 'LINEAR' check (rule in ('LINEAR', 'THRESHOLDS')),
    thresholds     text check (length(thresholds) <= 200),
    cap_percent    integer not null default 100 check (cap_percent between 0 and 200),
    primary key (contract_id, mission),
    check (full_months >= start_months)
);

-- The variable part as decided after the dialogue de gestion, per contract year and mission.
create table contract_dialogue (
    contract_id    uuid not null references contract (id) on delete cascade,
    contract_year  integer not null check (contract_year between 1 and 10),
    mission        text not null,
    final_cents    bigint not null check (final_cents >= 0),
    held_on        date not null,
    note           text check (length(note) <= 1000),
    recorded_by    uuid references user_account (id),
    recorded_at    timestamptz not null default now(),
    primary key (contract_id, contract_year, mission)
);

-- What the CPAM actually paid, as the treasurer records it.
create table contract_payment (
    id             uuid primary key,
    contract_id    uuid not null references contract (id) on delete cascade,
    contract_year  integer not null check (contract_year between 1 and 10),
    part           text not null check (part in ('FUNCTIONING', 'ACCESS', 'PATHWAYS', 'PREVENTION', 'CRISIS', 'QUALITY', 'SUPPORT')),
    kind           text not null check (kind in ('ADVANCE', 'BALANCE')),
    received_on    date not null,
    amount_cents   bigint not null check (amount_cents > 0),
    note           text check (length(note) <= 500),
    recorded_by    uuid references user_account (id),
    recorded_at    timestamptz not null default now()
);
create index contract_payment_contract on contract_payment (contract_id, contract_year);

-- Missions the CPTS runs beyond the ACI (calls for projects, experiments).
create table own_mission (
    id          uuid primary key,
    cpts_id     uuid not null references cpts (id),
    title       text not null check (length(title) between 1 and 200),
    description text check (length(description) <= 4000),
    funding     text check (length(funding) <= 200),
    created_at  timestamptz not null default now()
);
create index own_mission_cpts on own_mission (cpts_id);

-- The indicators the CPTS follows: computed from Maillage's data (source_code names the module's
-- indicator) or entered by hand with a proof.
create table indicator (
    id             uuid primary key,
    cpts_id        uuid not null references cpts (id),
    -- an ACI mission (ACCESS…) or the id of an own mission
    mission        text not null,
    source_code    text check (length(source_code) <= 100),
    name           text not null check (length(name) between 1 and 200),
    kind           text not null check (kind in ('MEANS', 'ACTION', 'RESULT')),
    definition     text check (length(definition) <= 2000),
    unit           text not null check (unit in ('PATIENTS', 'COUNT', 'PERCENT', 'DAYS', 'EUROS')),
    aggregation    text not null check (aggregation in ('SUM', 'LAST', 'RATIO')),
    source_label   text check (length(source_label) <= 200),
    baseline       numeric(14, 2),
    baseline_on    date,
    weight_percent numeric(5, 2) not null default 0 check (weight_percent between 0 and 100),
    lower_is_better boolean not null default false,
    created_at     timestamptz not null default now(),
    unique (cpts_id, source_code)
);
create index indicator_cpts on indicator (cpts_id, mission);

create table indicator_target (
    indicator_id  uuid not null references indicator (id) on delete cascade,
    contract_year integer not null check (contract_year between 1 and 10),
    target        numeric(14, 2) not null,
    primary key (indicator_id, contract_year)
);

-- Monthly values: snapshots of computed indicators (one per month of the contract, never rewritten)
-- and values entered by hand (with their proof). A contract's months start on the day of its
-- signature (15 March → 15 April…), so twelve of them make a contract year. RATIO values keep
-- numerator and denominator, so a year sums them instead of averaging percentages.
create table indicator_value (
    id            uuid primary key,
    indicator_id  uuid not null references indicator (id) on delete cascade,
    period_start  date not null,
    period_end    date not null check (period_end > period_start),
    origin        text not null check (origin in ('SNAPSHOT', 'MANUAL')),
    numerator     numeric(16, 2) not null,
    denominator   numeric(16, 2),
    note          text check (length(note) <= 1000),
    proof_name    text,
    proof_type    text,
    proof         bytea,
    entered_by    uuid references user_account (id),
    entered_at    timestamptz not null default now(),
    check (origin = 'SNAPSHOT' or proof is not null or note is not null)
);
create unique index indicator_value_snapshot on indicator_value (indicator_id, period_start) where origin = 'SNAPSHOT';
create index indicator_value_indicator on indicator_value (indicator_id, period_start);
