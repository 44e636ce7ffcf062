-- (module accounts) an API token created in a Pro Santé Connect session: it stays valid when the
-- CPTS requires the card for the holder's role; a token obtained with a password does not
alter table api_token add column via_card boolean not null default false;
