-- Workshops (talleres) of the Concertation phase: sessions by zone and/or thematic axis, with their attendance (the
-- shared attendance rules, on this table), their signed minutes (numbered versions, never overwritten) and the votes
-- each proposal got in the room (one count per workshop and proposal).
CREATE TABLE workshops (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  title TEXT NOT NULL,
  agenda TEXT NOT NULL,
  place TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  zone_id TEXT,
  axis_id TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (municipality_id, id),
  CHECK (zone_id IS NOT NULL OR axis_id IS NOT NULL),
  CHECK (ends_at > starts_at),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id),
  FOREIGN KEY (municipality_id, zone_id) REFERENCES zones (municipality_id, id),
  FOREIGN KEY (municipality_id, axis_id) REFERENCES thematic_axes (municipality_id, id)
);

CREATE INDEX workshops_by_process ON workshops (municipality_id, process_id, starts_at);

CREATE TABLE workshop_attendance (
  municipality_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  agent_id TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('facilitator', 'dni_check_in')),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, session_id, agent_id),
  FOREIGN KEY (municipality_id, session_id) REFERENCES workshops (municipality_id, id),
  FOREIGN KEY (municipality_id, agent_id) REFERENCES agents (municipality_id, id)
);

CREATE TABLE workshop_minutes (
  municipality_id TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  summary TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  signed_by TEXT NOT NULL REFERENCES users (id),
  reason TEXT,
  PRIMARY KEY (municipality_id, workshop_id, version),
  CHECK (version = 1 OR reason IS NOT NULL),
  FOREIGN KEY (municipality_id, workshop_id) REFERENCES workshops (municipality_id, id)
);

CREATE TABLE workshop_agreements (
  municipality_id TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position > 0),
  text TEXT NOT NULL,
  PRIMARY KEY (municipality_id, workshop_id, version, position),
  FOREIGN KEY (municipality_id, workshop_id, version) REFERENCES workshop_minutes (municipality_id, workshop_id, version)
);

CREATE TABLE workshop_minutes_signers (
  municipality_id TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  agent_id TEXT NOT NULL,
  PRIMARY KEY (municipality_id, workshop_id, version, agent_id),
  FOREIGN KEY (municipality_id, workshop_id, version) REFERENCES workshop_minutes (municipality_id, workshop_id, version),
  FOREIGN KEY (municipality_id, workshop_id, agent_id) REFERENCES workshop_attendance (municipality_id, session_id, agent_id)
);

CREATE TABLE workshop_votes (
  municipality_id TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  proposal_id TEXT NOT NULL,
  votes INTEGER NOT NULL CHECK (votes >= 0),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  reason TEXT,
  PRIMARY KEY (municipality_id, workshop_id, proposal_id),
  FOREIGN KEY (municipality_id, workshop_id) REFERENCES workshops (municipality_id, id),
  FOREIGN KEY (municipality_id, proposal_id) REFERENCES proposals (municipality_id, id)
);

CREATE INDEX workshop_votes_by_proposal ON workshop_votes (municipality_id, proposal_id);
