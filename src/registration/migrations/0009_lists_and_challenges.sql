-- The list stages of Preparation (Miraflores' practice): a preliminary list of the approved agents and organizations,
-- a window in which registered agents challenge (tachan) a registration, then the definitive list and its
-- accreditation act. One list of each stage per process; the entries are what the list showed when published.
CREATE TABLE registration_lists (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('preliminary', 'definitive')),
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL REFERENCES users (id),
  -- The definitive list's accreditation act, public copy (no DNI): HTML, PDF (base64) and the PDF's SHA-256.
  act_html TEXT,
  act_pdf_base64 TEXT,
  act_sha256 TEXT,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, process_id, stage),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id)
);

CREATE TABLE registration_list_entries (
  municipality_id TEXT NOT NULL,
  list_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('agent', 'organization')),
  registration_id TEXT NOT NULL,
  PRIMARY KEY (municipality_id, list_id, kind, registration_id),
  FOREIGN KEY (municipality_id, list_id) REFERENCES registration_lists (municipality_id, id)
);

-- A challenge (tacha) by an approved agent against one registration; one per challenger and registration.
CREATE TABLE registration_challenges (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  challenger_agent_id TEXT NOT NULL,
  target_type TEXT NOT NULL CHECK (target_type IN ('agent', 'organization')),
  target_id TEXT NOT NULL,
  grounds TEXT NOT NULL CHECK (grounds IN ('not_resident', 'organization_not_constituted', 'duplicate_person', 'delegate_not_accredited', 'other')),
  reason TEXT NOT NULL,
  evidence_file_id TEXT,
  filed_at TEXT NOT NULL,
  filed_by TEXT NOT NULL REFERENCES users (id),
  answer TEXT,
  answered_at TEXT,
  answered_by TEXT REFERENCES users (id),
  status TEXT NOT NULL CHECK (status IN ('open', 'upheld', 'dismissed')),
  decision_reason TEXT,
  decided_at TEXT,
  decided_by TEXT REFERENCES users (id),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, process_id, challenger_agent_id, target_type, target_id),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id),
  FOREIGN KEY (municipality_id, challenger_agent_id) REFERENCES agents (municipality_id, id),
  FOREIGN KEY (municipality_id, evidence_file_id) REFERENCES files (municipality_id, id),
  CHECK (NOT (target_type = 'agent' AND target_id = challenger_agent_id)),
  CHECK ((status = 'open') = (decided_at IS NULL))
);

CREATE INDEX registration_challenges_target ON registration_challenges (municipality_id, target_type, target_id);
