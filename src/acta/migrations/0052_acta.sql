-- The Acta de Acuerdos y Compromisos of a process: the formalization session it records (one row per process: date,
-- place, start and end), its signatories in the order they sign (editable until the Acta is issued; afterwards only
-- with a reason) and every issued version: the content frozen as canonical JSON with its SHA-256. A correction is the
-- next version and needs its reason (a CHECK); earlier versions are kept and stay readable.
CREATE TABLE acta_sessions (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  held_on TEXT NOT NULL,
  place TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, process_id),
  CHECK (starts_at < ends_at),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id)
);

CREATE TABLE acta_signatories (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 1),
  name TEXT NOT NULL,
  dni TEXT,
  capacity TEXT NOT NULL CHECK (capacity IN ('mayor', 'participating_agent', 'technical_team', 'oversight_committee', 'other')),
  capacity_detail TEXT,
  PRIMARY KEY (municipality_id, process_id, position),
  CHECK (capacity <> 'other' OR capacity_detail IS NOT NULL),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id)
);

CREATE TABLE acta_versions (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  content TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  issued_by TEXT NOT NULL REFERENCES users (id),
  reason TEXT,
  PRIMARY KEY (municipality_id, process_id, version),
  CHECK (version = 1 OR reason IS NOT NULL),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id)
);

-- The scan of the signed paper Acta of a version (a stored file of the municipality, public once attached): one per
-- version; replacing it needs a reason.
CREATE TABLE acta_scans (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  file_id TEXT NOT NULL,
  attached_at TEXT NOT NULL,
  attached_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, process_id, version),
  FOREIGN KEY (municipality_id, process_id, version) REFERENCES acta_versions (municipality_id, process_id, version),
  FOREIGN KEY (municipality_id, file_id) REFERENCES files (municipality_id, id)
);
CREATE INDEX acta_scans_by_file ON acta_scans (municipality_id, file_id);
