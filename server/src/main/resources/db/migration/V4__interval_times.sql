-- When each interval was stored: a run interrupted by a dead process ends at its last one, not at the
-- restart. Rows stored before this migration have none (such runs fall back to their start).
alter table run_intervals add column recorded_at timestamptz;
alter table run_intervals alter column recorded_at set default now();
-- A run that checked no threshold has no threshold verdict (it used to read as passed).
update runs set thresholds_passed = null where verdicts is null or verdicts in ('[]'::jsonb, 'null'::jsonb);
