-- Technical evaluation of the Concertation phase. A process's prioritization matrix (criteria with their weight, scale
-- and the meaning of each level); the assignment of a proposal to a member of the technical team (one per proposal and
-- evaluator); that evaluator's evaluation (one per assignment) and its score on each criterion (one per criterion);
-- the authors' one answer to a proposal's published evaluation (one per proposal).
CREATE TABLE evaluation_criteria (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  weight INTEGER NOT NULL CHECK (weight > 0 AND weight <= 100),
  scale_min INTEGER NOT NULL,
  scale_max INTEGER NOT NULL,
  CHECK (scale_max > scale_min),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, process_id, position),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id)
);

CREATE TABLE evaluation_criterion_levels (
  municipality_id TEXT NOT NULL,
  criterion_id TEXT NOT NULL,
  value INTEGER NOT NULL,
  meaning TEXT NOT NULL,
  PRIMARY KEY (municipality_id, criterion_id, value),
  FOREIGN KEY (municipality_id, criterion_id) REFERENCES evaluation_criteria (municipality_id, id)
);

CREATE TABLE evaluation_assignments (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  proposal_id TEXT NOT NULL,
  evaluator_id TEXT NOT NULL REFERENCES users (id),
  assigned_at TEXT NOT NULL,
  assigned_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, proposal_id, evaluator_id),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id),
  FOREIGN KEY (municipality_id, proposal_id) REFERENCES proposals (municipality_id, id)
);

CREATE INDEX evaluation_assignments_by_process ON evaluation_assignments (municipality_id, process_id, evaluator_id);

-- A draft may leave viability, cost and scores out; finishing requires them all, and a finished evaluation is final.
CREATE TABLE evaluations (
  municipality_id TEXT NOT NULL,
  assignment_id TEXT NOT NULL,
  proposal_version INTEGER NOT NULL CHECK (proposal_version > 0),
  viability TEXT CHECK (viability IN ('viable', 'viable_with_changes', 'not_viable')),
  reasons TEXT NOT NULL,
  adjusted_cost_cents BIGINT CHECK (adjusted_cost_cents > 0),
  updated_at TEXT NOT NULL,
  finished_at TEXT,
  CHECK (finished_at IS NULL OR (viability IS NOT NULL AND adjusted_cost_cents IS NOT NULL)),
  PRIMARY KEY (municipality_id, assignment_id),
  FOREIGN KEY (municipality_id, assignment_id) REFERENCES evaluation_assignments (municipality_id, id)
);

CREATE TABLE evaluation_scores (
  municipality_id TEXT NOT NULL,
  assignment_id TEXT NOT NULL,
  criterion_id TEXT NOT NULL,
  score INTEGER NOT NULL,
  PRIMARY KEY (municipality_id, assignment_id, criterion_id),
  FOREIGN KEY (municipality_id, assignment_id) REFERENCES evaluations (municipality_id, assignment_id),
  FOREIGN KEY (municipality_id, criterion_id) REFERENCES evaluation_criteria (municipality_id, id)
);

CREATE TABLE evaluation_observations (
  municipality_id TEXT NOT NULL,
  proposal_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  text TEXT NOT NULL,
  author_agent_id TEXT NOT NULL,
  submitted_by TEXT NOT NULL REFERENCES users (id),
  submitted_at TEXT NOT NULL,
  PRIMARY KEY (municipality_id, proposal_id),
  FOREIGN KEY (municipality_id, proposal_id) REFERENCES proposals (municipality_id, id),
  FOREIGN KEY (municipality_id, author_agent_id) REFERENCES agents (municipality_id, id)
);
