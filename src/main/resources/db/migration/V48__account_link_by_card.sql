-- (module directory) an account linked to its professional because Pro Santé Connect vouched for
-- the RPPS when the invitation was accepted with the card
alter table account_link_directory drop constraint account_link_directory_origin_check;
alter table account_link_directory add constraint account_link_directory_origin_check check (origin in ('COORDINATOR', 'CLAIM', 'PSC'));
