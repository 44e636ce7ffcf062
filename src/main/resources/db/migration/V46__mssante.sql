-- MSSanté (module notifications): the outbox gets a third channel, e-mail through the MSSanté
-- operator's SMTP (STARTTLS and a client certificate), the only way a notification about a patient
-- leaves with its content; a notification remembers that it is about a patient, so the daily
-- digest never copies it into an ordinary e-mail.
alter table outbox_message drop constraint outbox_message_channel_check;
alter table outbox_message add constraint outbox_message_channel_check check (channel in ('EMAIL', 'MSSANTE', 'SMS'));
alter table notification add column about_patient boolean not null default false;
-- (module directory) which addresses are MSSanté ones, asked for a whole outreach at once
create index practitioner_mssante on practitioner (lower(mssante)) where mssante is not null;
