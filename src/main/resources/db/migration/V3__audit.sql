-- The audit log (module audit): append-only. The application can only insert; updates and
-- deletes are refused by a trigger, except through purge_audit_events(), the retention job's
-- door, which refuses to purge anything younger than six months.
create table audit_event (
    id           bigint generated always as identity primary key,
    at           timestamptz not null default clock_timestamp(),
    actor_id     uuid,
    actor_label  text,
    ip           text,
    action       text not null,
    subject_type text,
    subject_id   text,
    cpts_id      uuid,
    details      text
);
create index audit_event_at on audit_event (at desc);
create index audit_event_cpts on audit_event (cpts_id, at desc);
create index audit_event_actor on audit_event (actor_id, at desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    if coalesce(current_setting('maillage.audit_purge', true), '') = 'on' and tg_op = 'DELETE' then
        return old;
    end if;
    raise exception 'audit_event is append-only (% refused)', tg_op using errcode = '42501';
end $$;

create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();

create function purge_audit_events(retention interval) returns bigint language plpgsql as $$
declare
    purged bigint;
begin
    if retention < interval '6 months' then
        raise exception 'audit retention must be at least 6 months, got %', retention;
    end if;
    perform set_config('maillage.audit_purge', 'on', true);
    delete from audit_event where at < now() - retention;
    get diagnostics purged = row_count;
    perform set_config('maillage.audit_purge', 'off', true);
    return purged;
end $$;

revoke update, delete, truncate on audit_event from public;
