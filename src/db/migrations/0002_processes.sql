-- The yearly PB process of a municipality and its phase calendar.

CREATE TABLE processes (
  municipality_id TEXT NOT NULL REFERENCES municipalities (id),
  id TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  name TEXT NOT NULL,
  phase TEXT NOT NULL CHECK (phase IN ('preparation', 'concertation', 'coordination', 'formalization', 'execution', 'closed')),
  envelope_cents BIGINT NOT NULL CHECK (envelope_cents > 0),
  investment_budget_cents BIGINT NOT NULL CHECK (investment_budget_cents >= envelope_cents),
  -- The rules in force, as JSON (quotas, training, registration deadline, ballot kind, outcome rule).
  rules TEXT NOT NULL,
  copied_from_id TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users (id),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, fiscal_year)
);

CREATE TABLE process_phases (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  phase TEXT NOT NULL CHECK (phase IN ('preparation', 'concertation', 'coordination', 'formalization', 'execution')),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  PRIMARY KEY (municipality_id, process_id, phase),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id),
  CHECK (ends_on >= starts_on)
);

CREATE TABLE process_phase_moves (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  from_phase TEXT NOT NULL,
  to_phase TEXT NOT NULL,
  moved_at TEXT NOT NULL,
  moved_by TEXT NOT NULL REFERENCES users (id),
  reason TEXT NOT NULL,
  PRIMARY KEY (municipality_id, process_id, seq),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id)
);
