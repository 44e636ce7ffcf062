-- Action sheets (fiches-actions, in the fields of the ARS template), budgets per mission and sheet,
-- the accountant's FEC imports and the frozen versions of the annual report. Amounts in whole cents.

-- A sheet for a calendar year; "mission" is an ACI mission code or the id of an own mission.
-- Lists (team, partners, milestones, indicators) are kept as JSON arrays of what the sheet says.
create table action_sheet (
    id                uuid primary key,
    cpts_id           uuid not null references cpts (id),
    year              integer not null check (year between 2000 and 2100),
    mission           text not null check (length(mission) between 1 and 100),
    title             text not null check (length(title) between 1 and 200),
    context           text check (length(context) <= 8000),
    objectives        text check (length(objectives) <= 8000),
    target_population text check (length(target_population) <= 2000),
    actions           text check (length(actions) <= 8000),
    pilot             jsonb,
    team              jsonb not null default '[]',
    partners          jsonb not null default '[]',
    milestones        jsonb not null default '[]',
    indicator_ids     jsonb not null default '[]',
    status            text not null default 'DRAFT' check (status in ('DRAFT', 'VALIDATED', 'RUNNING', 'CLOSED')),
    -- the sheet it was copied from (a previous year's), if any
    copied_from       uuid references action_sheet (id) on delete set null,
    version           integer not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create index action_sheet_cpts on action_sheet (cpts_id, year, mission);

-- Every validated version, as it was validated (the whole sheet as JSON), never rewritten.
create table action_sheet_version (
    sheet_id     uuid not null references action_sheet (id) on delete cascade,
    number       integer not null,
    content      jsonb not null,
    validated_by uuid references user_account (id),
    validated_at timestamptz not null default now(),
    primary key (sheet_id, number)
);

-- A budget line for a calendar year: a mission ("FUNCTIONING", an ACI code or an own mission's id),
-- optionally an action sheet, income or expense of a category, planned and actual (entered) amounts.
create table budget_line (
    id            uuid primary key,
    cpts_id       uuid not null references cpts (id),
    year          integer not null check (year between 2000 and 2100),
    mission       text not null check (length(mission) between 1 and 100),
    sheet_id      uuid references action_sheet (id) on delete set null,
    direction     text not null check (direction in ('INCOME', 'EXPENSE')),
    category      text not null,
    label         text not null check (length(label) between 1 and 200),
    planned_cents bigint not null default 0 check (planned_cents >= 0),
    actual_cents  bigint not null default 0 check (actual_cents >= 0),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index budget_line_cpts on budget_line (cpts_id, year);

-- A year the treasurer closed: no line of it changes any more.
create table budget_year_closed (
    cpts_id   uuid not null references cpts (id),
    year      integer not null,
    closed_by uuid references user_account (id),
    closed_at timestamptz not null default now(),
    primary key (cpts_id, year)
);

-- Where an account (by prefix) or an analytic code of the accountant's FEC goes in the budget.
create table fec_mapping (
    cpts_id  uuid not null references cpts (id),
    kind     text not null check (kind in ('ACCOUNT', 'ANALYTIC')),
    code     text not null check (length(code) between 1 and 40),
    mission  text not null check (length(mission) between 1 and 100),
    category text not null,
    primary key (cpts_id, kind, code)
);

-- An imported FEC file: its fiscal year's entries replace those of the previous import of that year.
create table fec_import (
    id          uuid primary key,
    cpts_id     uuid not null references cpts (id),
    year        integer not null,
    sha256      text not null,
    file_name   text,
    lines       integer not null,
    imported_by uuid references user_account (id),
    imported_at timestamptz not null default now(),
    unique (cpts_id, year)
);

-- The income and expense lines (classes 6 and 7) of the imported FEC, with where they go.
create table fec_entry (
    import_id    uuid not null references fec_import (id) on delete cascade,
    line_no      integer not null,
    entry_date   date not null,
    journal      text not null,
    entry_number text not null,
    account      text not null,
    label        text,
    debit_cents  bigint not null,
    credit_cents bigint not null,
    mission      text not null,
    category     text not null,
    primary key (import_id, line_no)
);

-- The annual report for the dialogue de gestion: each version keeps its files; a version sent to
-- the CPAM and the ARS is frozen, a later generation makes a new version.
create table aci_report (
    id            uuid primary key,
    cpts_id       uuid not null references cpts (id),
    contract_year integer not null check (contract_year between 1 and 10),
    number        integer not null,
    pdf           bytea not null,
    xlsx          bytea not null,
    generated_by  uuid references user_account (id),
    generated_at  timestamptz not null default now(),
    sent_at       timestamptz,
    sent_by       uuid references user_account (id),
    unique (cpts_id, contract_year, number)
);
