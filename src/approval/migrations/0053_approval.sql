-- The approval chain of the formalized list: the sessions of the Consejo de Coordinación Local (CCL) and of the
-- municipal council that decided on it (append-only: a returned list is answered and resubmitted as a new session of
-- the same body; the state is derived), the municipality's answers to the observations, the list frozen when the
-- council approved it (canonical JSON and its SHA-256), the amendments voted after that, and each project's code in
-- the national investment system (Invierte.pe, formerly SNIP), which may come late and is not an amendment.
CREATE TABLE approval_sessions (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  body TEXT NOT NULL CHECK (body IN ('ccl', 'council')),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  held_on TEXT NOT NULL,
  reference TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('approved', 'returned')),
  observations TEXT,
  reason TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, process_id, body, seq),
  CHECK (decision = 'approved' OR observations IS NOT NULL),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id)
);
-- A body approves the list once.
CREATE UNIQUE INDEX approval_sessions_one_approval ON approval_sessions (municipality_id, process_id, body) WHERE decision = 'approved';

CREATE TABLE approval_answers (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  body TEXT NOT NULL,
  seq INTEGER NOT NULL,
  answer TEXT NOT NULL,
  answered_at TEXT NOT NULL,
  answered_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, process_id, body, seq),
  FOREIGN KEY (municipality_id, process_id, body, seq) REFERENCES approval_sessions (municipality_id, process_id, body, seq)
);

CREATE TABLE approval_snapshots (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  council_seq INTEGER NOT NULL,
  formalized_on TEXT NOT NULL,
  content TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  frozen_at TEXT NOT NULL,
  frozen_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, process_id),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id)
);

CREATE TABLE approval_amendments (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('withdraw', 'replace', 'change_amount')),
  proposal_id TEXT NOT NULL,
  replacement_id TEXT,
  amount_cents BIGINT,
  reason TEXT NOT NULL,
  vote_held_on TEXT NOT NULL,
  vote_reference TEXT NOT NULL,
  votes_for INTEGER NOT NULL CHECK (votes_for >= 0),
  votes_against INTEGER NOT NULL CHECK (votes_against >= 0),
  abstentions INTEGER NOT NULL CHECK (abstentions >= 0),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, process_id, seq),
  CHECK (votes_for > votes_against),
  CHECK ((kind = 'withdraw' AND replacement_id IS NULL AND amount_cents IS NULL)
      OR (kind = 'replace' AND replacement_id IS NOT NULL AND amount_cents IS NULL)
      OR (kind = 'change_amount' AND replacement_id IS NULL AND amount_cents > 0)),
  FOREIGN KEY (municipality_id, process_id) REFERENCES approval_snapshots (municipality_id, process_id)
);

CREATE TABLE approval_investment_codes (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  proposal_id TEXT NOT NULL,
  code TEXT NOT NULL,
  reason TEXT NOT NULL,
  set_at TEXT NOT NULL,
  set_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, process_id, proposal_id),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id)
);
