-- The election of the oversight committee (Comité de Vigilancia) in the formalization session: the approved agents who
-- stand (registered by staff with their consent), the one election of a process (date, place, reason) and the votes
-- each candidate got there, typed in from the session's count; the elected members are seated in the quotas area's
-- body_members.
CREATE TABLE committee_candidates (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  agent_id TEXT NOT NULL,
  stood_at TEXT NOT NULL,
  registered_by TEXT NOT NULL REFERENCES users (id),
  consent TEXT NOT NULL,
  PRIMARY KEY (municipality_id, process_id, agent_id),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id),
  FOREIGN KEY (municipality_id, agent_id) REFERENCES agents (municipality_id, id)
);

CREATE TABLE committee_elections (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  held_on TEXT NOT NULL,
  place TEXT NOT NULL,
  reason TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, process_id),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id)
);

CREATE TABLE committee_votes (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  agent_id TEXT NOT NULL,
  votes INTEGER NOT NULL CHECK (votes >= 0),
  elected INTEGER NOT NULL CHECK (elected IN (0, 1)),
  PRIMARY KEY (municipality_id, process_id, agent_id),
  FOREIGN KEY (municipality_id, process_id) REFERENCES committee_elections (municipality_id, process_id),
  FOREIGN KEY (municipality_id, process_id, agent_id) REFERENCES committee_candidates (municipality_id, process_id, agent_id)
);
