-- Signed checkpoints of each audit chain's head (scope as in audit_log: a municipality id, or 'platform'). A checkpoint
-- says that entry `seq` of the chain had `hash` at `at`, signed with the installation's Ed25519 key (`key_id`), so a
-- cut or rewritten tail no longer verifies. Written at least daily while the server runs, and by `concerta audit checkpoint`.
CREATE TABLE audit_checkpoints (
  scope TEXT NOT NULL,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL,
  at TEXT NOT NULL,
  key_id TEXT NOT NULL,
  signature TEXT NOT NULL,
  PRIMARY KEY (scope, seq)
);
