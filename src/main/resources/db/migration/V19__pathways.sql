-- Care pathways (module pathways): templates and their versions, enrolments, care circles, scheduled steps.
create table pathway_template (
    id              uuid primary key,
    cpts_id         uuid not null references cpts (id),
    name            text not null check (length(name) between 1 and 200),
    description     text check (length(description) <= 4000),
    current_version integer not null default 1,
    example         boolean not null default false,
    active          boolean not null default true,
    created_by      uuid references user_account (id),
    created_at      timestamptz not null default now()
);
create index pathway_template_cpts on pathway_template (cpts_id) where active;

-- a version never changes once written: patients enrolled on it keep its schedule until migrated
create table pathway_template_version (
    template_id     uuid not null references pathway_template (id),
    version         integer not null check (version >= 1),
    duration_months integer not null check (duration_months between 1 and 120),
    steps           jsonb not null,
    created_by      uuid references user_account (id),
    created_at      timestamptz not null default now(),
    primary key (template_id, version)
);

create table pathway_enrolment (
    id               uuid primary key,
    cpts_id          uuid not null references cpts (id),
    template_id      uuid not null,
    template_version integer not null,
    patient_id       uuid not null references patient (id),
    start_date       date not null,
    horizon          date not null,
    status           text not null default 'ACTIVE' check (status in ('ACTIVE', 'ENDED')),
    consent_how      text not null check (consent_how in ('ORAL', 'ECRIT')),
    consent_at       timestamptz not null,
    created_by       uuid not null references user_account (id),
    created_at       timestamptz not null default now(),
    ended_at         timestamptz,
    end_reason       text check (length(end_reason) <= 500),
    foreign key (template_id, template_version) references pathway_template_version (template_id, version),
    check (horizon >= start_date),
    check ((status = 'ENDED') = (ended_at is not null))
);
create index pathway_enrolment_cpts on pathway_enrolment (cpts_id, template_id) where status = 'ACTIVE';
create index pathway_enrolment_patient on pathway_enrolment (patient_id);

-- the care circle: professionals (or structures) of the directory with their role; a member who
-- leaves keeps a dated trace and loses access
create table pathway_circle_member (
    id              uuid primary key,
    enrolment_id    uuid not null references pathway_enrolment (id),
    practitioner_id uuid references practitioner (id),
    organization_id uuid references organization (id),
    role            text not null,
    label           text not null,
    attending_gp    boolean not null default false,
    added_by        uuid references user_account (id),
    added_at        timestamptz not null default now(),
    removed_by      uuid references user_account (id),
    removed_at      timestamptz,
    check ((practitioner_id is null) <> (organization_id is null))
);
create unique index pathway_circle_once on pathway_circle_member (enrolment_id, coalesce(practitioner_id, organization_id)) where removed_at is null;
create index pathway_circle_practitioner on pathway_circle_member (practitioner_id, enrolment_id) where removed_at is null;
create index pathway_circle_organization on pathway_circle_member (organization_id, enrolment_id) where removed_at is null;

-- one row per occurrence of a step, identified by the step, the occurrence of its anchor and its rank
create table pathway_step (
    id           uuid primary key,
    enrolment_id uuid not null references pathway_enrolment (id),
    step_key     text not null,
    anchor_rank  integer not null,
    rank         integer not null,
    title        text not null,
    role         text not null,
    optional     boolean not null default false,
    due_date     date not null,
    grace_days   integer not null check (grace_days >= 0),
    status       text not null default 'DUE' check (status in ('DUE', 'DONE', 'CANCELLED')),
    done_date    date,
    done_note    text check (length(done_note) <= 500),
    done_by      uuid references user_account (id),
    -- set once by the daily rupture job when the step went past its grace period undone
    overdue_at   timestamptz,
    unique (enrolment_id, step_key, anchor_rank, rank),
    check ((status = 'DONE') = (done_date is not null))
);
create index pathway_step_due on pathway_step (enrolment_id, due_date) where status = 'DUE';
-- "my tasks": for each enrolment of one's circles, the due steps of one's role (or anyone's) before a date
create index pathway_step_role_due on pathway_step (enrolment_id, role, due_date) where status = 'DUE';
-- the rupture job reads only the steps that may have just gone overdue
create index pathway_step_to_watch on pathway_step ((due_date + grace_days)) where status = 'DUE' and overdue_at is null;
create index pathway_step_overdue on pathway_step (enrolment_id) where status = 'DUE' and overdue_at is not null;

-- Decision trees (logigrammes): versioned like templates; a run keeps its path and may be attached to a patient's enrolment
create table decision_tree (
    id              uuid primary key,
    cpts_id         uuid not null references cpts (id),
    title           text not null check (length(title) between 1 and 200),
    description     text check (length(description) <= 4000),
    current_version integer not null default 1,
    example         boolean not null default false,
    active          boolean not null default true,
    created_by      uuid references user_account (id),
    created_at      timestamptz not null default now()
);
create index decision_tree_cpts on decision_tree (cpts_id) where active;

create table decision_tree_version (
    tree_id    uuid not null references decision_tree (id),
    version    integer not null check (version >= 1),
    nodes      jsonb not null,
    created_by uuid references user_account (id),
    created_at timestamptz not null default now(),
    primary key (tree_id, version)
);

create table decision_tree_run (
    id           uuid primary key,
    tree_id      uuid not null,
    version      integer not null,
    cpts_id      uuid not null references cpts (id),
    path         jsonb not null,
    outcome      text not null,
    enrolment_id uuid references pathway_enrolment (id),
    run_by       uuid not null references user_account (id),
    created_at   timestamptz not null default now(),
    foreign key (tree_id, version) references decision_tree_version (tree_id, version)
);
create index decision_tree_run_enrolment on decision_tree_run (enrolment_id) where enrolment_id is not null;
