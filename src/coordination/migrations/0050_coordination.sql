-- Coordination: the agreements with other levels of government or programmes that co-finance a project of the
-- provisional list (never deleted: a withdrawn agreement keeps its row with who withdrew it, when and why), and the
-- reach of a project (district, provincial or regional), one row per project, replaced with a reason.
CREATE TABLE coordination_agreements (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  proposal_id TEXT NOT NULL,
  party_kind TEXT NOT NULL CHECK (party_kind IN ('regional_government', 'provincial_municipality', 'national_programme', 'ngo', 'company', 'community', 'other')),
  party_name TEXT NOT NULL,
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  contribution TEXT NOT NULL CHECK (contribution IN ('money', 'in_kind')),
  conditions TEXT NOT NULL,
  document_file_id TEXT NOT NULL,
  signed_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  withdrawn_at TEXT,
  withdrawn_by TEXT REFERENCES users (id),
  withdrawal_reason TEXT,
  PRIMARY KEY (municipality_id, id),
  CHECK ((withdrawn_at IS NULL AND withdrawn_by IS NULL AND withdrawal_reason IS NULL)
      OR (withdrawn_at IS NOT NULL AND withdrawn_by IS NOT NULL AND withdrawal_reason IS NOT NULL)),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id),
  FOREIGN KEY (municipality_id, proposal_id) REFERENCES proposals (municipality_id, id),
  FOREIGN KEY (municipality_id, document_file_id) REFERENCES files (municipality_id, id)
);
CREATE INDEX coordination_agreements_by_process ON coordination_agreements (municipality_id, process_id, proposal_id);

CREATE TABLE coordination_reach (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  proposal_id TEXT NOT NULL,
  reach TEXT NOT NULL CHECK (reach IN ('district', 'provincial', 'regional')),
  reason TEXT NOT NULL,
  set_at TEXT NOT NULL,
  set_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, process_id, proposal_id),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id),
  FOREIGN KEY (municipality_id, proposal_id) REFERENCES proposals (municipality_id, id)
);
