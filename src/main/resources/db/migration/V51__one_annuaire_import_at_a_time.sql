-- (module directory) one import from the Annuaire Santé API at a time per CPTS (and one for the
-- whole installation): a second click, or a second coordinator, is told one is running
create unique index directory_import_one_annuaire on directory_import (coalesce(cpts_id, '00000000-0000-0000-0000-000000000000'::uuid))
    where kind = 'ANNUAIRE' and status in ('QUEUED', 'RUNNING');
