-- (module cpts) the CPTS's FINESS number: the SAS platform identifies a CPTS's slots by it ("1" + FINESS)
alter table cpts add column finess text;
