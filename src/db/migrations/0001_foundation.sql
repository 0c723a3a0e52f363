-- Foundation: territory, tenants, accounts, roles, sessions, audit log.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Times are ISO-8601 UTC text, booleans 0/1,
-- amounts whole céntimos (BIGINT). Tenant-owned tables lead their keys with municipality_id (Citus-ready).

CREATE TABLE jurisdictions (
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES jurisdictions (id),
  level TEXT NOT NULL CHECK (level IN ('region', 'province', 'district')),
  name TEXT NOT NULL,
  ubigeo TEXT NOT NULL UNIQUE
);

CREATE TABLE municipalities (
  id TEXT PRIMARY KEY,
  jurisdiction_id TEXT NOT NULL UNIQUE REFERENCES jurisdictions (id),
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('provincial', 'district')),
  created_at TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT UNIQUE,
  dni TEXT UNIQUE,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK (email IS NOT NULL OR dni IS NOT NULL)
);

CREATE TABLE memberships (
  municipality_id TEXT NOT NULL REFERENCES municipalities (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  role TEXT NOT NULL CHECK (role IN ('administrator', 'technical_team', 'facilitator', 'oversight_committee', 'participating_agent')),
  granted_at TEXT NOT NULL,
  granted_by TEXT REFERENCES users (id),
  PRIMARY KEY (municipality_id, user_id, role)
);

CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);

CREATE INDEX sessions_user ON sessions (user_id);

-- One hash chain per scope: a municipality id, or 'platform' for actions outside any municipality.
CREATE TABLE audit_log (
  scope TEXT NOT NULL,
  seq BIGINT NOT NULL,
  at TEXT NOT NULL,
  actor_id TEXT,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT,
  reason TEXT,
  data TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (scope, seq)
);

CREATE INDEX audit_log_entity ON audit_log (scope, entity_type, entity_id);
