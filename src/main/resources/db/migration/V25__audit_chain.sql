-- Issue 16: the audit log becomes tamper-evident, and the application stops being the schema's owner.
--
-- The Spring Modulith event publication table is now created here (the application's role may
-- not create tables any more); the columns of its version 2 are added to a version 1 table.
create table if not exists event_publication (
    id               uuid not null primary key,
    listener_id      text not null,
    event_type       text not null,
    serialized_event text not null,
    publication_date timestamptz not null,
    completion_date  timestamptz
);
alter table event_publication add column if not exists status text;
alter table event_publication add column if not exists completion_attempts int;
alter table event_publication add column if not exists last_resubmission_date timestamptz;
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);

-- Each audit row is sealed in a chain: row_hash = sha256(prev_hash || content), seal_seq without
-- gaps. Rows are sealed shortly after they commit (seal_audit_events, called every few seconds),
-- in the order they are found, so a transaction committing late never breaks the order.
alter table audit_event add column seal_seq bigint unique;
alter table audit_event add column prev_hash bytea;
alter table audit_event add column row_hash bytea;
create index audit_event_unsealed on audit_event (id) where row_hash is null;

-- A row is stamped by the database when it is written: nobody backdates a row or brings its own seal.
create function audit_event_on_insert() returns trigger language plpgsql as $$
begin
    new.at := clock_timestamp();
    new.seal_seq := null;
    new.prev_hash := null;
    new.row_hash := null;
    return new;
end $$;
create trigger audit_event_stamped before insert on audit_event for each row execute function audit_event_on_insert();

-- Where the chain starts once the retention purge has removed its beginning.
create table audit_chain_anchor (
    singleton       boolean primary key default true check (singleton),
    first_seq       bigint not null,
    first_prev_hash bytea
);
insert into audit_chain_anchor (first_seq, first_prev_hash) values (1, null);

-- What a row's hash covers: every column a person reads, nulls told apart from empty text.
create function audit_event_content(e audit_event) returns text language sql immutable as $$
    select concat_ws('|', e.id, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), quote_nullable(e.actor_id),
        quote_nullable(e.actor_label), quote_nullable(e.ip), quote_nullable(e.action), quote_nullable(e.subject_type),
        quote_nullable(e.subject_id), quote_nullable(e.cpts_id), quote_nullable(e.details))
$$;

-- Append-only, as before; the only update is the sealing of a row not yet sealed, its content unchanged.
create or replace function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and coalesce(current_setting('maillage.audit_purge', true), '') = 'on' then
        return old;
    end if;
    if tg_op = 'UPDATE' and old.row_hash is null and new.row_hash is not null
       and (new.id, new.at, new.actor_id, new.actor_label, new.ip, new.action, new.subject_type, new.subject_id, new.cpts_id, new.details)
           is not distinct from
           (old.id, old.at, old.actor_id, old.actor_label, old.ip, old.action, old.subject_type, old.subject_id, old.cpts_id, old.details) then
        return new;
    end if;
    raise exception 'audit_event is append-only (% refused)', tg_op using errcode = '42501';
end $$;

-- Seals up to `batch` rows; one sealer at a time (the others return 0 at once). Runs with its
-- owner's rights: the application's role has no UPDATE on audit_event.
create function seal_audit_events(batch int) returns int language plpgsql security definer set search_path = public, pg_temp as $$
declare
    last_seq  bigint;
    last_hash bytea;
    r         audit_event;
    h         bytea;
    n         int := 0;
begin
    if not pg_try_advisory_xact_lock(4242005) then
        return 0;
    end if;
    select seal_seq, row_hash into last_seq, last_hash from audit_event where seal_seq is not null order by seal_seq desc limit 1;
    if last_seq is null then
        select first_seq - 1, first_prev_hash into last_seq, last_hash from audit_chain_anchor;
    end if;
    for r in select * from audit_event where row_hash is null order by id limit batch loop
        h := sha256(coalesce(last_hash, '\x'::bytea) || convert_to(audit_event_content(r), 'UTF8'));
        last_seq := last_seq + 1;
        update audit_event set seal_seq = last_seq, prev_hash = last_hash, row_hash = h where id = r.id;
        last_hash := h;
        n := n + 1;
    end loop;
    return n;
end $$;

-- The first broken link of the chain, or nothing: a row whose content no longer gives its hash
-- (changed), a gap in the sequence (removed), a link that does not follow (replaced), a start that
-- is not where the last purge left it. `unsealed_before`: rows still unsealed after that instant.
create function verify_audit_chain(unsealed_before timestamptz)
returns table (sealed bigint, unsealed_late bigint, broken_seq bigint, broken_id bigint, broken_at timestamptz, reason text)
language sql stable as $$
    with anchor as (select first_seq, first_prev_hash from audit_chain_anchor),
    chain as (
        select e.seal_seq, e.id, e.at, e.prev_hash, e.row_hash,
               lag(e.seal_seq) over w as before_seq, lag(e.row_hash) over w as before_hash,
               sha256(coalesce(e.prev_hash, '\x'::bytea) || convert_to(audit_event_content(e), 'UTF8')) as expected
        from audit_event e where e.seal_seq is not null window w as (order by e.seal_seq)),
    broken as (
        select c.seal_seq, c.id, c.at,
               case when c.expected is distinct from c.row_hash then 'content'
                    when c.before_seq is null and c.seal_seq <> a.first_seq then 'start'
                    when c.before_seq is null and c.prev_hash is distinct from a.first_prev_hash then 'start'
                    when c.before_seq is not null and c.seal_seq <> c.before_seq + 1 then 'gap'
                    when c.before_seq is not null and c.prev_hash is distinct from c.before_hash then 'link' end as reason
        from chain c cross join anchor a)
    select (select count(*) from audit_event where seal_seq is not null),
           (select count(*) from audit_event where row_hash is null and at < unsealed_before),
           b.seal_seq, b.id, b.at, b.reason
    from (select 1) one left join lateral (select * from broken where reason is not null order by seal_seq limit 1) b on true
$$;

-- The retention purge, the only way out: a prefix of the chain older than the retention (never
-- less than six months), the anchor moved to the first row kept. Runs with its owner's rights.
create or replace function purge_audit_events(retention interval) returns bigint language plpgsql security definer
set search_path = public, pg_temp as $$
declare
    purged bigint;
    keep   bigint;
begin
    if retention < interval '6 months' then
        raise exception 'audit retention must be at least 6 months, got %', retention;
    end if;
    perform pg_advisory_xact_lock(4242005);
    select min(seal_seq) into keep from audit_event where seal_seq is not null and at >= now() - retention;
    if keep is null then
        select coalesce(max(seal_seq), 0) + 1 into keep from audit_event where seal_seq is not null;
    end if;
    perform set_config('maillage.audit_purge', 'on', true);
    delete from audit_event where seal_seq < keep and at < now() - retention;
    get diagnostics purged = row_count;
    perform set_config('maillage.audit_purge', 'off', true);
    if purged > 0 then
        update audit_chain_anchor set first_seq = keep,
            first_prev_hash = (select prev_hash from audit_event where seal_seq = keep);
    end if;
    return purged;
end $$;
