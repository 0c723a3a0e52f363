-- Project proposals of the Concertation phase. A proposal is the public record (its number, authors, status); its
-- content lives in numbered versions, never overwritten, each with its co-financing pledges and attachments.
CREATE TABLE proposals (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  number INTEGER NOT NULL CHECK (number > 0),
  status TEXT NOT NULL CHECK (status IN ('submitted', 'withdrawn')),
  author_agent_id TEXT NOT NULL,
  author_organization_id TEXT,
  source TEXT NOT NULL CHECK (source IN ('online', 'paper')),
  current_version INTEGER NOT NULL CHECK (current_version > 0),
  submitted_at TEXT NOT NULL,
  submitted_by TEXT NOT NULL REFERENCES users (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, process_id, number),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id),
  FOREIGN KEY (municipality_id, author_agent_id) REFERENCES agents (municipality_id, id),
  FOREIGN KEY (municipality_id, author_organization_id) REFERENCES organizations (municipality_id, id)
);

CREATE INDEX proposals_by_process ON proposals (municipality_id, process_id, status);

CREATE TABLE proposal_versions (
  municipality_id TEXT NOT NULL,
  proposal_id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  zone_id TEXT NOT NULL,
  axis_id TEXT NOT NULL,
  objective_id TEXT NOT NULL,
  problem TEXT NOT NULL,
  beneficiaries_count INTEGER NOT NULL CHECK (beneficiaries_count > 0),
  beneficiary_groups TEXT NOT NULL,
  cost_cents BIGINT NOT NULL CHECK (cost_cents > 0),
  location TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  reason TEXT,
  PRIMARY KEY (municipality_id, proposal_id, version),
  FOREIGN KEY (municipality_id, proposal_id) REFERENCES proposals (municipality_id, id),
  FOREIGN KEY (municipality_id, zone_id) REFERENCES zones (municipality_id, id),
  FOREIGN KEY (municipality_id, axis_id) REFERENCES thematic_axes (municipality_id, id),
  FOREIGN KEY (municipality_id, objective_id) REFERENCES plan_objectives (municipality_id, id)
);

CREATE TABLE proposal_pledges (
  municipality_id TEXT NOT NULL,
  proposal_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  position INTEGER NOT NULL,
  funder_kind TEXT NOT NULL CHECK (funder_kind IN ('municipality', 'regional_government', 'ngo', 'company', 'community')),
  funder_name TEXT NOT NULL,
  contribution TEXT NOT NULL CHECK (contribution IN ('money', 'in_kind')),
  description TEXT NOT NULL,
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  PRIMARY KEY (municipality_id, proposal_id, version, position),
  FOREIGN KEY (municipality_id, proposal_id, version) REFERENCES proposal_versions (municipality_id, proposal_id, version)
);

CREATE TABLE proposal_attachments (
  municipality_id TEXT NOT NULL,
  proposal_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  file_id TEXT NOT NULL,
  PRIMARY KEY (municipality_id, proposal_id, version, file_id),
  FOREIGN KEY (municipality_id, proposal_id, version) REFERENCES proposal_versions (municipality_id, proposal_id, version),
  FOREIGN KEY (municipality_id, file_id) REFERENCES files (municipality_id, id)
);

CREATE INDEX proposal_attachments_by_file ON proposal_attachments (municipality_id, file_id);
