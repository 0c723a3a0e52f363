-- One online registration per account and process: the rule the service checked before its transaction, now a key,
-- so two registrations sent at the same moment cannot both pass. Registrations without an account (face-to-face,
-- import) are not concerned.
CREATE UNIQUE INDEX agents_one_per_account ON agents (municipality_id, process_id, user_id) WHERE user_id IS NOT NULL;
