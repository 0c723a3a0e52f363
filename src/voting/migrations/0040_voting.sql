-- The vote of Formalization: one per process. The ballot paper (the projects of each envelope, their costs and the
-- envelopes' budgets) and the voting settings are copied into the vote when it opens, so nothing that changes later
-- can change what was voted on; the result is kept with the close.
CREATE TABLE votes (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  closes_at TEXT NOT NULL,
  allow_changes INTEGER NOT NULL CHECK (allow_changes IN (0, 1)),
  settings TEXT NOT NULL,
  paper TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  opened_by TEXT NOT NULL REFERENCES users (id),
  closed_at TEXT,
  closed_by TEXT REFERENCES users (id),
  result TEXT,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, process_id),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id)
);

-- Polling tables (mesas) of a vote, and the facilitators who staff each.
CREATE TABLE polling_tables (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  vote_id TEXT NOT NULL,
  name TEXT NOT NULL,
  place TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, vote_id, name),
  FOREIGN KEY (municipality_id, vote_id) REFERENCES votes (municipality_id, id)
);

CREATE TABLE polling_table_facilitators (
  municipality_id TEXT NOT NULL,
  table_id TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, table_id, user_id),
  FOREIGN KEY (municipality_id, table_id) REFERENCES polling_tables (municipality_id, id)
);

-- Who voted: one agent, one ballot, whatever the channel. Kept apart from the ballots' content, which names nobody.
CREATE TABLE vote_voters (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  agent_id TEXT NOT NULL,
  vote_id TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('online', 'paper')),
  table_id TEXT,
  voted_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, process_id, agent_id),
  FOREIGN KEY (municipality_id, vote_id) REFERENCES votes (municipality_id, id),
  FOREIGN KEY (municipality_id, agent_id) REFERENCES agents (municipality_id, id),
  FOREIGN KEY (municipality_id, table_id) REFERENCES polling_tables (municipality_id, id)
);

-- Online ballots: the content and the hash of the receipt code given to the voter, nothing else.
CREATE TABLE online_ballots (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  vote_id TEXT NOT NULL,
  receipt_hash TEXT NOT NULL,
  content TEXT NOT NULL,
  cast_at TEXT NOT NULL,
  changes INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, receipt_hash),
  FOREIGN KEY (municipality_id, vote_id) REFERENCES votes (municipality_id, id)
);

-- Paper ballots as typed at their table, matched by the serial number printed on the paper: entries 1 and 2 by two
-- different facilitators (the second unique key), entry 3 resolves a mismatch against the paper, with its reason.
CREATE TABLE paper_entries (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  table_id TEXT NOT NULL,
  serial TEXT NOT NULL,
  entry_no INTEGER NOT NULL CHECK (entry_no IN (1, 2, 3)),
  typist_id TEXT,
  content TEXT NOT NULL,
  entered_by TEXT NOT NULL REFERENCES users (id),
  entered_at TEXT NOT NULL,
  reason TEXT,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, table_id, serial, entry_no),
  UNIQUE (municipality_id, table_id, serial, typist_id),
  FOREIGN KEY (municipality_id, table_id) REFERENCES polling_tables (municipality_id, id)
);
