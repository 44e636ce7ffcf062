-- Runs as the schema's owner after every migration (Flyway callback): the application's role,
-- when it is another role, gets the rows, never the schema: no ALTER, no DROP, no trigger to
-- disable; on the audit log and the crisis log only SELECT and INSERT (sealing and purging go through the
-- owner's SECURITY DEFINER functions).
do $$
declare
    app text := '${appRole}';
begin
    if app = '' or app = current_user or not exists (select 1 from pg_roles where rolname = app) then
        return;
    end if;
    execute format('grant usage on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select, update on all sequences in schema public to %I', app);
    execute format('grant execute on all functions in schema public to %I', app);
    execute format('revoke update, delete, truncate on audit_event from %I', app);
    execute format('revoke insert, update, delete, truncate on audit_chain_anchor from %I', app);
    execute format('revoke insert, update, delete, truncate on flyway_schema_history from %I', app);
    -- the crisis log is append-only for the application (the trigger refuses too, whoever asks)
    execute format('revoke update, delete, truncate on crisis_log_entry from %I', app);
    execute format('revoke update, delete, truncate on crisis_log_attachment from %I', app);
end $$;
