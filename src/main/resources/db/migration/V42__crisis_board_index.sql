-- The board lists the first names of each answer in the order of names: read along this index, it
-- stops at the page's length instead of sorting every recipient of a region-wide alert.
create index crisis_alert_recipient_label on crisis_alert_recipient (alert_id, label);
