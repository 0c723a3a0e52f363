-- The oversight committee's work on a process in execution: what the municipality's opening budget (PIA) assigns to
-- each tracked project (one row per project, replaced with a reason; no row: not recorded), the committee's
-- observations on a project, its requests for information with their deadline and the municipality's one answer,
-- and the files (photos of an observation, documents of an answer) attached to them.
CREATE TABLE oversight_pia (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  project_id TEXT NOT NULL,
  pia_cents BIGINT NOT NULL CHECK (pia_cents >= 0),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  reason TEXT NOT NULL,
  PRIMARY KEY (municipality_id, process_id, project_id),
  FOREIGN KEY (municipality_id, project_id) REFERENCES execution_projects (municipality_id, id)
);

CREATE TABLE oversight_observations (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  project_id TEXT NOT NULL,
  body TEXT NOT NULL,
  filed_at TEXT NOT NULL,
  filed_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, project_id) REFERENCES execution_projects (municipality_id, id)
);
CREATE INDEX oversight_observations_by_process ON oversight_observations (municipality_id, process_id, filed_at);

-- A request is about one project or the whole process (project_id null). It is answered once: the answer's three
-- columns are set together (a CHECK), by a conditional update that finds the answer still empty.
CREATE TABLE oversight_requests (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  project_id TEXT,
  question TEXT NOT NULL,
  deadline TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  sent_by TEXT NOT NULL REFERENCES users (id),
  answer TEXT,
  answered_at TEXT,
  answered_by TEXT REFERENCES users (id),
  PRIMARY KEY (municipality_id, id),
  CHECK ((answer IS NULL AND answered_at IS NULL AND answered_by IS NULL) OR (answer IS NOT NULL AND answered_at IS NOT NULL AND answered_by IS NOT NULL)),
  FOREIGN KEY (municipality_id, project_id) REFERENCES execution_projects (municipality_id, id)
);
CREATE INDEX oversight_requests_by_process ON oversight_requests (municipality_id, process_id, deadline);

-- Files attached: an observation's photos, an answer's documents; public once attached (the files area asks).
CREATE TABLE oversight_files (
  municipality_id TEXT NOT NULL,
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('observation', 'answer')),
  owner_id TEXT NOT NULL,
  file_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (municipality_id, owner_kind, owner_id, file_id),
  FOREIGN KEY (municipality_id, file_id) REFERENCES files (municipality_id, id)
);
CREATE INDEX oversight_files_by_file ON oversight_files (municipality_id, file_id);
