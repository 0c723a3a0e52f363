-- CSV imports of agents that write (all-or-nothing, valid-rows), run as jobs: the row is written when the job is
-- accepted, and its outcome in the transaction that writes the agents, so an acknowledged import is never lost.
-- A row still 'running' that no live server runs was interrupted before its transaction committed: nothing written.
CREATE TABLE agent_imports (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('all-or-nothing', 'valid-rows')),
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  file_sha256 TEXT NOT NULL,
  file_bytes INTEGER NOT NULL,
  -- The report (done) or the error as { code, params, field } (failed), JSON.
  outcome TEXT,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  finished_at TEXT,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id)
);

CREATE INDEX agent_imports_process ON agent_imports (municipality_id, process_id, created_at);
