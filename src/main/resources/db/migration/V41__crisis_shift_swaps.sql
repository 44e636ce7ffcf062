-- A volunteer offers their place on a shift (a swap asked); another of the same role takes it.
alter table crisis_shift_signup add column swap_asked_at timestamptz;
