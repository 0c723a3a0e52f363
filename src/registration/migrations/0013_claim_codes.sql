-- A one-time code that lets a person link a registration made without an account (face to face, import) to their
-- own account, whose DNI must be the registration's. Staff hand it over with the paper receipt. Only its SHA-256
-- (salted with the registration's id) is kept; it expires, counts wrong attempts, and is spent when used. One code per
-- registration: issuing again replaces it.
CREATE TABLE registration_claim_codes (
  municipality_id TEXT NOT NULL,
  agent_id TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  issued_at TEXT NOT NULL,
  issued_by TEXT NOT NULL REFERENCES users (id),
  used_at TEXT,
  used_by TEXT REFERENCES users (id),
  PRIMARY KEY (municipality_id, agent_id),
  FOREIGN KEY (municipality_id, agent_id) REFERENCES agents (municipality_id, id)
);
