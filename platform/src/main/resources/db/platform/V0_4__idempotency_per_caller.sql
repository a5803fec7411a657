-- Idempotency keys belong to the caller: the scope now also names who called ('POST /api/v1/products apikey:<id>'),
-- so it needs room for a person's subject. Keys stored before this migration (at most 24 h old) no longer match:
-- a retry across the upgrade creates again, once.
ALTER TABLE idempotency_key ALTER COLUMN scope TYPE VARCHAR(600);
