-- Execution of the funded projects. Every funded project of a process in Execution becomes a tracked project by itself
-- (one per process and proposal: a unique key), with its budget lines (one per source of its financing table), its
-- milestones, its photos and documents, and the history of every report that changed it (kept, never rewritten).
CREATE TABLE execution_projects (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  proposal_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  zone_id TEXT NOT NULL,
  zone_name TEXT NOT NULL,
  priority INTEGER NOT NULL,
  cost_cents BIGINT NOT NULL CHECK (cost_cents >= 0),
  investment_code TEXT,
  status TEXT NOT NULL CHECK (status IN ('in_design', 'tendering', 'in_execution', 'completed', 'suspended', 'cancelled')),
  status_reason TEXT,
  physical_tenths INTEGER NOT NULL CHECK (physical_tenths BETWEEN 0 AND 1000),
  reported_on TEXT,
  tracked_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, process_id, proposal_id),
  CHECK (status NOT IN ('suspended', 'cancelled') OR status_reason IS NOT NULL),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id),
  FOREIGN KEY (municipality_id, proposal_id) REFERENCES proposals (municipality_id, id)
);
-- The investment code (Invierte.pe) names one project of a process; projects without one are many.
CREATE UNIQUE INDEX execution_projects_investment_code ON execution_projects (municipality_id, process_id, investment_code);
CREATE INDEX execution_projects_by_status ON execution_projects (municipality_id, process_id, status, number);

CREATE TABLE execution_budget_lines (
  municipality_id TEXT NOT NULL,
  project_id TEXT NOT NULL,
  code TEXT NOT NULL,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('participatory_budget', 'pledge', 'agreement')),
  name TEXT NOT NULL,
  party_kind TEXT,
  contribution TEXT NOT NULL CHECK (contribution IN ('money', 'in_kind')),
  budgeted_cents BIGINT NOT NULL CHECK (budgeted_cents >= 0),
  executed_cents BIGINT NOT NULL CHECK (executed_cents >= 0),
  PRIMARY KEY (municipality_id, project_id, code),
  FOREIGN KEY (municipality_id, project_id) REFERENCES execution_projects (municipality_id, id)
);

CREATE TABLE execution_milestones (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  project_id TEXT NOT NULL,
  name TEXT NOT NULL,
  planned_on TEXT NOT NULL,
  actual_on TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, project_id) REFERENCES execution_projects (municipality_id, id)
);
CREATE INDEX execution_milestones_by_project ON execution_milestones (municipality_id, project_id, planned_on);

CREATE TABLE execution_documents (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  project_id TEXT NOT NULL,
  file_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('photo', 'document')),
  caption TEXT NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, project_id, file_id),
  FOREIGN KEY (municipality_id, project_id) REFERENCES execution_projects (municipality_id, id),
  FOREIGN KEY (municipality_id, file_id) REFERENCES files (municipality_id, id)
);
CREATE INDEX execution_documents_by_file ON execution_documents (municipality_id, file_id);

-- Every change to a tracked project, in order: what changed (JSON), as of which date, by whom (null: the system, when a
-- project starts being tracked), why, and the import that brought it when it came from the budget system's CSV.
CREATE TABLE execution_reports (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  project_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('track', 'progress', 'milestone', 'document')),
  reported_on TEXT NOT NULL,
  changes TEXT NOT NULL,
  reason TEXT,
  import_id TEXT,
  at TEXT NOT NULL,
  by_user TEXT REFERENCES users (id),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, project_id, seq),
  FOREIGN KEY (municipality_id, project_id) REFERENCES execution_projects (municipality_id, id)
);
