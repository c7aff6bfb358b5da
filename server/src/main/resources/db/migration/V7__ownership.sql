-- Who created each target, scenario and run (null: demo content, or created before there were users).
alter table targets add column created_by_id bigint references users (id) on delete set null;
alter table scenarios add column created_by_id bigint references users (id) on delete set null;
alter table runs add column created_by_id bigint references users (id) on delete set null;
create index targets_created_by_idx on targets (created_by_id);
create index scenarios_created_by_idx on scenarios (created_by_id);
create index runs_created_by_idx on runs (created_by_id, queued_at desc);
-- runs keep the creator's name as they keep scenario and target names; 'local' meant "nobody in particular"
alter table runs alter column created_by drop not null;
update runs set created_by = null where created_by = 'local';
