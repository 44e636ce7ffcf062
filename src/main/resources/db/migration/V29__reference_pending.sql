-- Issue 16, several nodes: a reference package previewed by an administrator waits here for their
-- confirmation, which the load balancer may send to another node (it waited in one node's
-- temporary folder). Kept one day at most.
create table reference_pending (
    id uuid primary key,
    created_at timestamptz not null default now(),
    communes bytea not null,
    epci bytea not null,
    departements bytea not null,
    regions bytea not null
);
