-- RGPD erasure of a patient (module patients): the row stays for the indicators, without what
-- identifies the person; who erased, when and why is kept (the reason never names the patient).
alter table patient add column erased_at timestamptz;
alter table patient add column erased_by uuid references user_account (id);
alter table patient add column erasure_reason text check (length(erasure_reason) <= 500);
alter table patient add constraint patient_erased_anonymous check (erased_at is null or (nir is null and email is null
  and phone is null and address is null and used_name is null and birthplace_code is null and erasure_reason is not null));
-- a coordinator's search by name
create index patient_search on patient using gin (identity_key gin_trgm_ops);
