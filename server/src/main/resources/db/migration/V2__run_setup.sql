-- The driver's setup phase (creating and loading tables): the last report of each phase, as the engine gives it.
alter table runs add column setup jsonb;
