-- The provisional lists of Concertation: each computation of the ranked list is kept, numbered within its process,
-- with the digest of the inputs it was computed from (evaluations, workshop votes, costs, envelopes, settings), so a
-- list can always be shown as it was published and checked against the data of today.
CREATE TABLE provisional_lists (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq > 0),
  computed_at TEXT NOT NULL,
  computed_by TEXT NOT NULL REFERENCES users (id),
  reason TEXT NOT NULL,
  inputs_digest TEXT NOT NULL,
  result TEXT NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, process_id, seq),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id)
);
