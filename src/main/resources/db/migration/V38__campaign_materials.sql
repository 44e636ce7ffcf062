-- A campaign's materials: documents of the association's library (leaflets, posters, slides) the
-- professionals of the campaign use, named as they were when chosen.
create table campaign_material (
    campaign_id uuid not null references campaign (id) on delete cascade,
    document_id uuid not null references document (id),
    title       text not null,
    added_by    uuid references user_account (id),
    added_at    timestamptz not null default now(),
    primary key (campaign_id, document_id)
);
